/** damdang's command line: ingest | ask | digest | feedback | start. The one error boundary of the process is here. */
import cliProgress from 'cli-progress';
import { Command, Option } from 'commander';
import { parseDigestArgs } from '../commands/digest.js';
import { CONSOLE_ORIGIN } from './adapters/console/console.js';
import { openApp, runChat } from './app.js';
import { type Config, ConfigError, loadConfig, loadDotEnv } from './config.js';
import { type DocumentReport, ingestPaths } from './ingest/ingest.js';
import { createLogger, type Logger } from './logger.js';
import { inputLines, jsonLine } from './core/message-text.js';
import { neutralize, neutralizeReply } from './render/safe.js';
import { renderText } from './render/text.js';
import type { FeedbackRow } from './store/feedback.js';
import { ProjectStore } from './store/store.js';

// Ingest reports are the command's own output (on stderr, so stdout stays for answers); the logger is for events.
const log = (line: string) => process.stderr.write(`${line}\n`);
const loggerFor = (config: Config): Logger => createLogger({ level: config.logLevel });
const dbOption = () => new Option('--db <file>', 'SQLite 데이터베이스 파일 (기본 data/damdang.db, 또는 DAMDANG_DB)');
const todayOption = () => new Option('--today <YYYY-MM-DD>', '오늘 날짜를 고정 (또는 DAMDANG_TODAY)');

const program = new Command()
  .name('damdang')
  .description('담당 — 기관의 사업 문서로 답하는 업무 챗봇')
  .showHelpAfterError()
  .exitOverride();

program
  .command('ingest')
  .description('문서(.txt, .md)나 폴더를 프로젝트 저장소에 넣습니다')
  .argument('<paths...>', '파일 또는 폴더')
  .addOption(dbOption())
  .addOption(todayOption())
  .option('--org <name>', '문서의 기관을 지정 (예: 서울특별시): 본문에서 찾은 기관 대신 씁니다')
  .action((paths: string[], opts: { db?: string; today?: string; org?: string }) => {
    const config = loadConfig({ db: opts.db, today: opts.today });
    const store = ProjectStore.open(config.dbFile);
    const bar = process.stderr.isTTY
      ? new cliProgress.SingleBar(
          { stream: process.stderr, format: '{bar} {value}/{total} {file}' },
          cliProgress.Presets.shades_classic,
        )
      : null;
    let many = false;
    const onProgress = (done: number, total: number, report: DocumentReport) => {
      if (done === 1) {
        many = total > 20;
        if (many) bar?.start(total, 0, { file: '' });
      }
      if (many) bar?.update(done, { file: report.file.slice(-40) });
      else printReport(report);
    };
    const summary = ingestPaths(store, paths, onProgress, {
      organization: opts.org?.trim() || null,
      maxDocumentMb: config.maxDocumentMb,
    });
    if (many) {
      bar?.stop();
      for (const r of summary.reports.filter((x) => x.outcome === 'failed' || x.warnings.length > 0).slice(0, 50))
        printReport(r);
    }
    for (const e of summary.pathErrors) log(`✗ ${e}`);
    const stats = store.stats();
    const byOutcome = (o: string) => summary.reports.filter((r) => r.outcome === o).length;
    log(
      `문서 ${summary.reports.length}건: 새로 ${byOutcome('new')}, 갱신 ${byOutcome('updated')}, 변경 없음 ${byOutcome('unchanged')}, 실패 ${summary.failed}건 · ${(summary.millis / 1000).toFixed(1)}초 · 저장소: 문서 ${stats.documents}, 레코드 ${stats.records} (${config.dbFile})`,
    );
    store.close();
    if (summary.failed > 0) process.exitCode = 1;
  });

program
  .command('ask')
  .description('메시지 하나에 답합니다 (MESSAGE가 없으면 표준입력의 줄마다)')
  .argument('[message...]', '질문')
  .option('--json', '입력 한 줄마다 JSON 객체 한 줄 ({message, text, reply})')
  .addOption(dbOption())
  .addOption(todayOption())
  .action(async (words: string[], opts: { db?: string; today?: string; json?: boolean }) => {
    const config = loadConfig({ db: opts.db, today: opts.today });
    const app = openApp(config, loggerFor(config));
    const origin = { ...CONSOLE_ORIGIN, platform: 'cli' as const, channel: 'ask' };
    const respond = async (message: string) => {
      const r = neutralizeReply(await app.bot.handle({ kind: 'text', text: message, origin, at: app.clock.now() }));
      const rendered = renderText(r);
      process.stdout.write(
        opts.json ? `${jsonLine({ message: neutralize(message), text: rendered, reply: r })}\n` : `${rendered}\n`,
      );
    };
    try {
      if (words.length > 0) await respond(words.join(' '));
      else for await (const line of inputLines(process.stdin)) await respond(line);
    } finally {
      app.close();
    }
  });

program
  .command('digest')
  .description('요약: 다가오는·지난 일정, 계획 대비 부진, 바뀐 점, 오래된 문서 (digest list: 구독 목록)')
  .argument('[scope...]', '부서·팀 이름, all, 또는 list')
  .option('--days <N>', '며칠 앞까지의 일정 (기본 7)')
  .option('--json', '{digest, text, reply} JSON 한 줄')
  .addOption(dbOption())
  .addOption(todayOption())
  .action(async (words: string[], opts: { db?: string; today?: string; json?: boolean; days?: string }) => {
    const config = loadConfig({ db: opts.db, today: opts.today });
    const app = openApp(config, loggerFor(config));
    const write = (r: Parameters<typeof renderText>[0], digest?: unknown) =>
      process.stdout.write(opts.json ? `${JSON.stringify({ digest, text: renderText(r), reply: r })}\n` : `${renderText(r)}\n`);
    try {
      if (/^(?:list|목록)$/i.test(words[0] ?? '')) {
        const origin = { ...CONSOLE_ORIGIN, platform: 'cli' as const, channel: 'digest' };
        write(await app.bot.handle({ kind: 'command', command: 'digest', args: { query: 'list' }, origin, at: app.clock.now() }));
        return;
      }
      const parsed = parseDigestArgs([...words, ...(opts.days ? ['--days', opts.days] : [])]);
      if ('error' in parsed) throw new Error(`digest: ${parsed.error}`);
      const { digest, reply } = app.digests.service.compose(parsed.scope, parsed.days, app.clock.today());
      write(reply, digest);
      if (!digest.scopeFound) process.exitCode = 1;
    } finally {
      app.close();
    }
  });

program
  .command('feedback')
  .description('답변에 남긴 피드백(👍/👎, 의견)을 봅니다')
  .option('--since <YYYY-MM-DD>', '이 날짜부터')
  .option('--json', '피드백 한 건마다 JSON 한 줄')
  .addOption(dbOption())
  .action((opts: { db?: string; since?: string; json?: boolean }) => {
    if (opts.since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.since))
      throw new Error(`--since: YYYY-MM-DD 형식이어야 합니다 (받은 값: ${opts.since.slice(0, 40)})`);
    const store = ProjectStore.open(loadConfig({ db: opts.db }).dbFile);
    const rows = store.feedback.list({ since: opts.since });
    store.close();
    for (const f of rows) process.stdout.write(opts.json ? `${JSON.stringify(f)}\n` : `${feedbackText(f)}\n`);
    const count = (v: string) => rows.filter((f) => f.verdict === v).length;
    if (!opts.json) log(`피드백 ${rows.length}건: 👍 ${count('up')}, 👎 ${count('down')}`);
  });

program
  .command('start')
  .description('봇을 시작합니다 (채팅 토큰이 없으면 콘솔 채팅)')
  .addOption(dbOption())
  .addOption(todayOption())
  .action(async (opts: { db?: string; today?: string }) => {
    const config = loadConfig({ db: opts.db, today: opts.today });
    const app = openApp(config, loggerFor(config));
    const stopSignal = new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    try {
      await runChat(app, {
        input: process.stdin,
        output: process.stdout,
        interactive: Boolean(process.stdin.isTTY),
        stopSignal,
      });
    } finally {
      app.close();
    }
  });

program
  .command('discord:register')
  .description('Discord에 /damdang 명령을 등록합니다 (DISCORD_TOKEN, DISCORD_APP_ID)')
  .option('--guild <id>', '이 서버에만 등록 (바로 반영; 없으면 DISCORD_GUILD_ID, 그것도 없으면 전역)')
  .option('--dry-run', '등록하지 않고 등록 내용을 검사해 보여 줍니다')
  .option('--json', '등록 내용(JSON)을 표준출력으로')
  .action(async (opts: { guild?: string; dryRun?: boolean; json?: boolean }) => {
    if (opts.guild !== undefined && !/^\d{15,21}$/.test(opts.guild))
      throw new Error(`--guild: 숫자 서버 ID여야 합니다 (받은 값: ${opts.guild.slice(0, 40)})`);
    // discord.js is loaded for this command only, not by every other one.
    const { checkedPayload, registerCommands } = await import('./adapters/discord/register.js');
    if (opts.dryRun) {
      const payload = checkedPayload();
      if (opts.json) process.stdout.write(`${JSON.stringify(payload, null, 2)}\n`);
      log(`등록 내용이 Discord 규칙에 맞습니다: /${payload[0]!.name} 하위 명령 ${payload[0]!.options?.length ?? 0}개`);
      return;
    }
    const discord = loadConfig().discord;
    if (!discord) throw new ConfigError('설정 오류: DISCORD_TOKEN과 DISCORD_APP_ID가 필요합니다 (.env.example 참고)');
    const result = await registerCommands(discord, opts.guild ?? discord.guildId);
    log(`등록했습니다: 명령 ${result.commands}개, ${result.guildId ? `서버 ${result.guildId}` : '전역 (반영까지 최대 1시간)'}`);
  });

function feedbackText(f: FeedbackRow): string {
  const where = [f.platform, f.workspace, f.channel, f.user].filter(Boolean).join('/');
  return [
    `#${f.id} ${f.at.slice(0, 16).replace('T', ' ')} ${f.verdict === 'up' ? '👍' : '👎'} ${where}`,
    `  질문: ${f.question}`,
    `  답: ${f.replyText.split('\n')[0] ?? ''} (${f.replyKind})`,
    ...(f.sources.length ? [`  출처: ${f.sources.join(' | ')}`] : []),
    ...(f.comment ? [`  의견: ${f.comment}`] : []),
  ].join('\n');
}

function printReport(r: DocumentReport): void {
  if (r.outcome === 'failed') {
    log(`✗ ${r.error}`);
    return;
  }
  const label = { new: '새 문서', updated: '새 버전', unchanged: '변경 없음' }[r.outcome];
  log(`✓ ${r.file} — ${label}, ${r.family}, 레코드 ${r.records}, 사실 ${r.facts}, 경고 ${r.warnings.length}`);
  for (const w of r.warnings.slice(0, 5)) log(`    ! ${r.file}${w.line ? `:${w.line}` : ''} ${w.message}`);
}

try {
  loadDotEnv();
  await program.parseAsync(process.argv);
} catch (err) {
  const e = err as Error & { code?: string; exitCode?: number };
  if (e.code?.startsWith('commander.')) {
    // commander already printed help or the usage error.
    process.exitCode = e.exitCode ?? 1;
  } else {
    log(err instanceof ConfigError ? e.message : `오류: ${e.message}`);
    process.exitCode = 1;
  }
}
