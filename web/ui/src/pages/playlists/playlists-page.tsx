import { Loading } from '../../components/states.tsx';

export default function Placeholder() {
  return <Loading label="Opening the page" />;
}
