#!/usr/bin/env node
// Entry point of the `crescendo` CLI. The sources are TypeScript run through tsx, so a fresh
// clone works after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('./cli.ts');
