import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptedModel } from '../agent/testing/scripted-model.ts';
import { eventCallback, openSlackTestWorld, TEAM_A, type SlackTestWorld } from './testing/slack-test-world.ts';

/** The session part of the instructions (the second system message). */
function sessionText(call: LanguageModelV4CallOptions): string {
  return String(call.prompt.filter((message) => message.role === 'system')[1]?.content ?? '');
}

describe('Slack: the agent knows the thread it answers in (signed events, fake Slack Web API)', () => {
  let world: SlackTestWorld;
  const model = scriptedModel(() => ({ text: 'In this thread: **all good**.' }));

  beforeAll(async () => {
    world = await openSlackTestWorld();
    await world.orgA.member('ana@slack-a.test', 'ANALYST');
    world.slack.addUser({ id: 'UANA', email: 'ana@slack-a.test' });
    world.setModel(model);
  });
  afterAll(async () => { await world?.close(); });

  it('a mention in a channel thread reaches the agent with that channel and thread, and Slack formatting', async () => {
    const threadTs = '1700000300.000100';
    const response = await world.send.event(eventCallback(TEAM_A, { type: 'app_mention', user: 'UANA', text: '<@UBOT> what did we decide in this thread?', ts: '1700000333.000200', thread_ts: threadTs, channel: 'CMARKETING' }));
    expect(response.status).toBe(200);
    const session = sessionText(model.doStreamCalls.at(-1)!);
    expect(session).toContain('The answer is read in Slack. Keep it short');
    expect(session).toContain(`Asked in Slack, in channel CMARKETING, thread ${threadTs}: this conversation is that thread`);
    // The answer went to that thread, in Slack's own formatting.
    const answer = world.slack.callsTo('chat.update').at(-1)!;
    expect(answer.args).toMatchObject({ channel: 'CMARKETING' });
    expect(JSON.stringify(answer.args.blocks)).toContain('In this thread: *all good*.');
    expect(world.slack.callsTo('chat.postMessage').at(-1)!.args).toMatchObject({ channel: 'CMARKETING', thread_ts: threadTs });
  });

  it('a direct message is said to be one', async () => {
    await world.send.event(eventCallback(TEAM_A, { type: 'message', channel_type: 'im', user: 'UANA', text: 'how are we doing?', ts: '1700000400.000100', channel: 'DANA' }));
    expect(sessionText(model.doStreamCalls.at(-1)!)).toContain('Asked in Slack, in a direct message, thread 1700000400.000100');
  });
});
