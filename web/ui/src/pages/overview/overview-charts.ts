export { RoasByChannelChart } from './roas-by-channel-chart.tsx';
export { SpendStreamsChart } from './spend-streams-chart.tsx';
