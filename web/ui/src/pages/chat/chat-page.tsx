import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { streamChat } from '../../api/chat-stream.ts';
import { streamDecision, type ChatPageEvent } from './chat-confirm.ts';
import { useApi } from '../../auth/session.tsx';
import { PageHeader } from '../../components/layout-parts.tsx';
import { Empty } from '../../components/states.tsx';
import { useChatStatus } from './chat-status.ts';
import { ChatTranscript, NOT_SET_UP, SetupNotice, type ProposedChange, type Turn } from './chat-transcript.tsx';
import { useToolTitles } from './tool-titles.ts';
import { navigate, useLocation } from '../../router.tsx';
import { contextLabel, contextOfPage } from './page-context.ts';
import './chat.css';

const SUGGESTIONS = [
  'Which vendor gives us the cheapest real streams in dance?',
  'How are the active campaigns doing against what the vendors promised?',
  'Compare attribution models for last month by channel.',
];

let turnCounter = 0;
const nextId = () => `turn-${++turnCounter}`;

export default function ChatPage() {
  const api = useApi();
  const status = useChatStatus();
  const titles = useToolTitles();
  const notSetUp = status.state === 'not-set-up';
  // Opened from a record's page (?from=/campaigns/…): every question is asked about that page.
  const { query } = useLocation();
  const from = query.get('from');
  const about = query.get('about');
  const context = useMemo(() => (from ? contextOfPage(from) : null), [from]);
  const [turns, setTurns] = useState<Turn[]>([]);
  const [draft, setDraft] = useState('');
  const [threadId, setThreadId] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const abort = useRef<AbortController | null>(null);
  const end = useRef<HTMLDivElement>(null);

  useEffect(() => {
    return () => abort.current?.abort();
  }, []);
  // Follow the answer as it streams, unless the reader has scrolled up to read.
  const following = useRef(true);
  useEffect(() => {
    const track = () => {
      following.current = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 80;
    };
    window.addEventListener('scroll', track, { passive: true });
    return () => window.removeEventListener('scroll', track);
  }, []);
  useEffect(() => {
    if (following.current) end.current?.scrollIntoView?.({ block: 'end' });
  }, [turns]);

  const updateLast = (change: (turn: Turn) => Turn) => setTurns((all) => [...all.slice(0, -1), change(all[all.length - 1]!)]);

  function apply(event: ChatPageEvent) {
    switch (event.type) {
      case 'confirmation-required': updateLast((turn) => ({
        ...turn,
        tools: turn.tools.map((run) => (run.id === event.data.tool_call_id ? { ...run, proposed: true } : run)),
        changes: [...(turn.changes ?? []), { ...event.data, state: 'pending' }],
      })); break;
      case 'thread': setThreadId(event.data.thread_id); break;
      case 'text': updateLast((turn) => ({ ...turn, text: turn.text + event.data.delta })); break;
      case 'tool-call': updateLast((turn) => ({ ...turn, tools: [...turn.tools, { id: event.data.id, name: event.data.name }] })); break;
      case 'tool-result': updateLast((turn) => ({ ...turn, tools: turn.tools.map((run) => (run.id === event.data.id ? { ...run, result: event.data } : run)) })); break;
      case 'done': updateLast((turn) => ({ ...turn, text: event.data.answer || turn.text, status: event.data.status === 'failed' ? 'failed' : 'done' })); break;
      case 'error': updateLast((turn) => ({ ...turn, status: 'failed', error: event.data.message })); break;
    }
  }

  async function send(message: string) {
    const text = message.trim();
    if (!text || busy || notSetUp) return;
    setDraft('');
    setBusy(true);
    setAnnouncement('');
    setTurns((all) => [...all, { id: nextId(), role: 'user', text, tools: [], status: 'done' }, { id: nextId(), role: 'assistant', text: '', tools: [], status: 'streaming' }]);
    abort.current = new AbortController();
    try {
      await streamChat(api, { message: text, ...(threadId ? { thread_id: threadId } : {}), ...(context ? { context } : {}) }, apply, abort.current.signal);
      updateLast((turn) => (turn.status === 'streaming' ? { ...turn, status: 'done' } : turn));
      setAnnouncement('Crescendo answered.');
    } catch (failure) {
      fail(failure);
    } finally {
      setBusy(false);
    }
  }

  const markChange = (id: string, state: ProposedChange['state']) =>
    setTurns((all) => all.map((turn) => (turn.changes?.some((change) => change.confirmation_id === id) ? { ...turn, changes: turn.changes.map((change) => (change.confirmation_id === id ? { ...change, state } : change)) } : turn)));

  /** Confirm or Cancel on a proposed change: the turn continues below it with what happened. */
  async function decide(change: ProposedChange, decision: 'confirm' | 'cancel') {
    if (busy) return;
    setBusy(true);
    markChange(change.confirmation_id, 'deciding');
    setTurns((all) => [...all, { id: nextId(), role: 'assistant', text: '', tools: [], status: 'streaming' }]);
    abort.current = new AbortController();
    try {
      await streamDecision(api, change, decision, (event) => {
        if (event.type === 'done' && event.data.decision) markChange(change.confirmation_id, event.data.decision.status);
        apply(event);
      }, abort.current.signal);
      updateLast((turn) => (turn.status === 'streaming' ? { ...turn, status: 'done' } : turn));
      setAnnouncement(decision === 'confirm' ? 'Change confirmed; Crescendo answered.' : 'Change cancelled; Crescendo answered.');
    } catch (failure) {
      markChange(change.confirmation_id, 'pending');
      fail(failure);
    } finally {
      setBusy(false);
    }
  }

  function fail(failure: unknown) {
    if (failure instanceof DOMException && failure.name === 'AbortError') return;
    if (failure instanceof ApiError && failure.code === 'unavailable' && failure.status === 503) {
      updateLast((turn) => ({ ...turn, status: 'failed', setupHint: failure.message }));
      setAnnouncement(NOT_SET_UP);
      return;
    }
    const message = failure instanceof ApiError ? failure.message : String(failure);
    updateLast((turn) => ({ ...turn, status: 'failed', error: message }));
    setAnnouncement(`The answer failed: ${message}`);
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(draft);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter while an input method is composing (Japanese, Chinese...) confirms the text, not the message.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send(draft);
    }
  };

  function conversation(): ReactNode {
    if (turns.length) return <ChatTranscript turns={turns} titles={titles} onDecide={(change, decision) => void decide(change, decision)} />;
    if (notSetUp) return <div className="panel setup-on-arrival"><SetupNotice hint={status.help} role="status" /></div>;
    return (
      <Empty title="Ask Crescendo anything about your marketing.">
        {/* Not offered until the status is known: a question the assistant cannot take is never suggested. */}
        {status.state === 'loading' ? null : (
          <span className="suggestions">
            {SUGGESTIONS.map((suggestion) => <button key={suggestion} type="button" className="button" onClick={() => void send(suggestion)}>{suggestion}</button>)}
          </span>
        )}
      </Empty>
    );
  }

  return (
    <>
      <PageHeader title="Chat" subtitle="Ask about campaigns, vendors, spend and attribution. Every figure comes from a tool; the tools used are listed above each answer."
        actions={turns.length ? <button type="button" className="button" onClick={() => { abort.current?.abort(); setTurns([]); setThreadId(undefined); }}>New conversation</button> : null} />
      {/* The whole answer is announced once, not each streamed piece. */}
      <p className="sr-only" role="status" aria-live="polite">{announcement}</p>
      {context ? (
        <p className="chat-context">
          <span>Asking about <strong>{contextLabel(context, about)}</strong>: “this {context.record?.type ?? 'page'}” means it.</span>
          <button type="button" className="button button-quiet" onClick={() => navigate('/chat', { replace: true })}>Ask without it</button>
        </p>
      ) : null}
      <div className="chat">
        <div>
          {conversation()}
          <div ref={end} />
        </div>
        <form className="composer" onSubmit={submit}>
          <label htmlFor="chat-message" className="sr-only">Message</label>
          <textarea id="chat-message" rows={2} value={draft} onChange={(event) => setDraft(event.target.value)} onKeyDown={onKeyDown}
            disabled={notSetUp} aria-describedby={notSetUp ? 'chat-unavailable' : undefined}
            placeholder={notSetUp ? 'Questions open once the assistant is set up' : 'Ask a question (Enter to send, Shift+Enter for a new line)'} />
          <button type="submit" className="button button-primary" disabled={busy || notSetUp || !draft.trim()}>{busy ? 'Answering…' : 'Send'}</button>
          {notSetUp ? <p id="chat-unavailable" className="composer-note muted small flush">Sending is off until an admin sets up the assistant.</p> : null}
        </form>
      </div>
    </>
  );
}
