import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyErrorHandler, jsonBody } from './request-body.ts';

/** Raw HTTP, so the test decides exactly which headers go out (fetch adds a Content-Type of its own). */
function post(port: number, body: string, headers: Record<string, string>): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ port, method: 'POST', path: '/echo', headers: { 'content-length': Buffer.byteLength(body), ...headers } }, (incoming) => {
      let text = '';
      incoming.setEncoding('utf8').on('data', (chunk) => (text += chunk)).on('end', () => resolve({ status: incoming.statusCode!, json: JSON.parse(text) }));
    });
    outgoing.on('error', reject).end(body);
  });
}

describe('JSON request bodies', () => {
  let server: ReturnType<express.Express['listen']>;
  let port: number;
  beforeAll(async () => {
    const app = express().use(jsonBody());
    app.post('/echo', (request, response) => response.json({ received: request.body ?? null }));
    app.use(bodyErrorHandler);
    server = app.listen(0);
    await new Promise((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => server.close());

  it('reads a body sent without Content-Type as JSON', async () => {
    expect(await post(port, '{"status":"active"}', {})).toEqual({ status: 200, json: { received: { status: 'active' } } });
  });

  it('reads application/json and +json types', async () => {
    expect((await post(port, '{"a":1}', { 'content-type': 'application/json; charset=utf-8' })).json).toEqual({ received: { a: 1 } });
    expect((await post(port, '{"a":1}', { 'content-type': 'application/merge-patch+json' })).json).toEqual({ received: { a: 1 } });
  });

  it('refuses any other declared type with 415 naming the header, instead of ignoring the body', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/plain;charset=UTF-8']) {
      const answer = await post(port, '{"status":"active"}', { 'content-type': type });
      expect(answer.status).toBe(415);
      expect(answer.json).toMatchObject({ error: { code: 'invalid_input', message: expect.stringContaining('Content-Type: application/json') } });
    }
  });

  it('still says when the JSON itself is broken', async () => {
    expect(await post(port, '{bad', {})).toMatchObject({ status: 400, json: { error: { message: expect.stringMatching(/not valid JSON/) } } });
  });
});
