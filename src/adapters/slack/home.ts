/**
 * The App Home tab: what damdang knows and how to ask, published when the user opens it. It goes through the
 * guard like a question: a team outside SLACK_ALLOWED_TEAMS gets a one-line refusal and no data (organisations,
 * project counts, years are the office's); a user over the rate limit keeps the view already published.
 */
import type { webApi } from '@slack/bolt';
import { reply as makeReply, list } from '../../core/reply.js';
import { renderSlack } from '../../render/slack.js';
import { admit, type SlackDeps, slackOrigin } from './context.js';

export interface HomeArgs {
  event: { user: string; channel?: string | undefined; tab?: string | undefined };
  body: { team_id?: string | undefined };
  client: Pick<webApi.WebClient, 'views'>;
}

const HOW_TO_ASK = makeReply('help', '이렇게 물어보세요', [
  list([
    '`/damdang 협치 예산` — 예산·집행 (나만 보기, 채널 공유 버튼)',
    '`/damdang 박동일 내선` — 담당자와 내선번호',
    '`/damdang 일정 협치` — 다가오는 일정',
    '채널에서 `@damdang 감사담당관 조직` — 스레드로 답합니다',
    '앱에 DM — DM으로 답합니다',
  ]),
]);

export function homeListener(deps: SlackDeps) {
  return async ({ event, body, client }: HomeArgs): Promise<void> => {
    if (event.tab !== undefined && event.tab !== 'home') return;
    // The Home tab is the user's own, like a DM: the team list applies, the channel list does not.
    const admission = admit(deps, slackOrigin(body.team_id, event.channel, event.user), true);
    if (!admission.allowed) {
      if (admission.reason !== 'rate')
        await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: renderSlack(admission.reply).blocks } });
      return;
    }
    const blocks = [...renderSlack(deps.about()).blocks, { type: 'divider' as const }, ...renderSlack(HOW_TO_ASK).blocks];
    // A Home view allows 100 blocks; ours are far fewer, and the renderer already keeps each part under 50.
    await client.views.publish({ user_id: event.user, view: { type: 'home', blocks } });
  };
}
