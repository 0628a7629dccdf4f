import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';

const slack = (env: Record<string, string>) => loadConfig({}, env).slack;

describe('Slack configuration', () => {
  it('is off without Slack variables, and Socket Mode by default when an app token is set', () => {
    expect(slack({})).toBeNull();
    expect(slack({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).toMatchObject({
      mode: 'socket',
      port: 3000,
      apiUrl: null,
      allowedTeams: [],
    });
  });

  it('reads HTTP mode, the API base (always ending in /) and the allow-lists', () => {
    expect(
      slack({
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_SIGNING_SECRET: 's3cret',
        PORT: '8080',
        SLACK_API_URL: 'http://127.0.0.1:9/api',
        SLACK_ALLOWED_TEAMS: 'T1, T2',
        SLACK_ALLOWED_CHANNELS: 'C1,,C2 ',
      }),
    ).toMatchObject({ mode: 'http', port: 8080, apiUrl: 'http://127.0.0.1:9/api/', allowedTeams: ['T1', 'T2'], allowedChannels: ['C1', 'C2'] });
  });

  it.each([
    [{ SLACK_APP_TOKEN: 'xapp-1' }, /SLACK_BOT_TOKEN/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_MODE: 'socket' }, /SLACK_APP_TOKEN/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_MODE: 'http' }, /SLACK_SIGNING_SECRET/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_MODE: 'webhook' }, /SLACK_MODE/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', PORT: 'eighty' }, /PORT/],
  ])('names the variable that is missing or wrong (%o)', (env, name) => {
    expect(() => slack(env)).toThrow(name);
  });

  it('never echoes a token in its error', () => {
    const token = 'xapp-1-A0-this-is-secret';
    expect(() => slack({ SLACK_BOT_TOKEN: token, SLACK_APP_TOKEN: 'xapp-2' })).toThrow(/SLACK_BOT_TOKEN — xoxb-/);
    try {
      slack({ SLACK_BOT_TOKEN: token, SLACK_APP_TOKEN: 'xapp-2' });
    } catch (err) {
      expect((err as Error).message).not.toContain(token);
    }
  });
});
