/** damdang's command line: ingest | ask | digest | feedback | start. The one error boundary of the process is here. */
import { randomUUID } from 'node:crypto';
import { constants as osConstants } from 'node:os';
import cliProgress from 'cli-progress';
import { Command, Option } from 'commander';
import { parseDigestArgs } from '../commands/digest.js';
import { CONSOLE_ORIGIN } from './adapters/console/console.js';
import { checkWatchFolder, isFolder, openApp, readSeedOriginals, runChat, watchConfiguredFolder } from './app.js';
import { type Config, ConfigError, loadConfig, loadDotEnv } from './config.js';
import { type DocumentReport, ingestPathsAsync } from './ingest/ingest.js';
import { syncFolders, type WatchEvent, watchFolders } from './ingest/watch.js';
import { createLogger, type Logger } from './logger.js';
import { stripControls } from './domain/control-chars.js';
import { inputLines, jsonLine } from './core/message-text.js';
import { neutralize, neutralizeJson, neutralizeReply, terminalLine } from './render/safe.js';
import { renderText } from './render/text.js';
import type { FeedbackRow } from './store/feedback.js';
import { ProjectStore } from './store/store.js';

// Ingest reports are the command's own output (on stderr, so stdout stays for answers); the logger is for events.
// They quote file names and document text: escape and bidi characters are stripped before the terminal sees them.
const log = (line: string) => process.stderr.write(`${stripControls(line)}\n`);
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
  .description('문서(.txt, .md, .pdf, .hwpx, .hwp, .docx)나 폴더를 프로젝트 저장소에 넣습니다')
  .argument('<paths...>', '파일 또는 폴더')
  .addOption(dbOption())
  .addOption(todayOption())
  .option('--org <name>', '문서의 기관을 지정 (예: 서울특별시): 본문에서 찾은 기관 대신 씁니다')
  .option('--watch', '폴더를 읽은 뒤 지켜봅니다: 새로 생기거나 바뀐 파일은 다시 읽고, 없어진 파일의 문서는 거둬들입니다 (Ctrl+C로 끝)')
  .action(async (paths: string[], opts: { db?: string; today?: string; org?: string; watch?: boolean }) => {
    const config = loadConfig({ db: opts.db, today: opts.today });
    if (opts.watch) {
      const notFolder = paths.find((p) => !isFolder(p));
      if (notFolder !== undefined) throw new Error(`--watch: 폴더만 지켜볼 수 있습니다 (${notFolder})`);
    }
    const store = ProjectStore.open(config.dbFile);
    const options = { organization: opts.org?.trim() || null, maxDocumentMb: config.maxDocumentMb };
    // Watched before the first read, so a file changed while the folder is read is not missed.
    const watch = opts.watch
      ? watchFolders(store, paths, { ...options, onEvent: printWatchEvent })
      : null;
    await watch?.ready;
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
    const { summary, withdrawn } = opts.watch
      ? await syncFolders(store, paths, onProgress, options)
      : { summary: await ingestPathsAsync(store, paths, onProgress, options), withdrawn: [] };
    if (many) {
      bar?.stop();
      for (const r of summary.reports.filter((x) => x.outcome === 'failed' || x.warnings.length > 0).slice(0, 50))
        printReport(r);
    }
    for (const e of summary.pathErrors) log(`✗ ${e}`);
    for (const path of withdrawn) printWatchEvent({ kind: 'withdrawn', path });
    const stats = store.stats();
    const byOutcome = (o: string) => summary.reports.filter((r) => r.outcome === o).length;
    log(
      `문서 ${summary.reports.length}건: 새로 ${byOutcome('new')}, 갱신 ${byOutcome('updated') + byOutcome('restored')}, 변경 없음 ${byOutcome('unchanged')}, 실패 ${summary.failed}건${withdrawn.length ? `, 거둬들임 ${withdrawn.length}건` : ''} · ${(summary.millis / 1000).toFixed(1)}초 · 저장소: 문서 ${stats.documents}, 레코드 ${stats.records} (${config.dbFile})`,
    );
    if (watch) {
      log(`지켜보는 중: ${paths.join(', ')} — 파일을 넣거나 바꾸거나 지우면 반영합니다 (Ctrl+C로 끝)`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      await watch.close();
      log('지켜보기를 끝냈습니다');
    } else if (summary.failed > 0) process.exitCode = 1;
    store.close();
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
    // The JSON carries document text (titles, milestones, changed values): neutralised like `ask --json`.
    const write = (r: Parameters<typeof renderText>[0], digest?: unknown) =>
      process.stdout.write(
        opts.json
          ? `${JSON.stringify({ digest: neutralizeJson(digest), text: renderText(r), reply: neutralizeReply(r) })}\n`
          : `${renderText(r)}\n`,
      );
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
    // Questions and comments are what anyone in a channel typed: never raw to the operator's terminal.
    for (const f of rows) process.stdout.write(opts.json ? `${JSON.stringify(neutralizeJson(f))}\n` : `${feedbackText(f)}\n`);
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
    const logger = loggerFor(config);
    checkWatchFolder(config);
    const app = openApp(config, logger, await readSeedOriginals(config));
    let watched: ReturnType<typeof watchConfiguredFolder> = null;
    try {
      watched = watchConfiguredFolder(app);
    } catch (err) {
      app.close();
      throw err;
    }
    const guard = guardWhileRunning(logger);
    let running = false;
    // Once running, a signal stops the adapters in order; while starting (a connection still being tried) it ends
    // the process at once: nothing is written then but the seeding transaction, which SQLite rolls back.
    const stopSignal = new Promise<void>((resolve) => {
      const onSignal = (signal: NodeJS.Signals) => {
        if (running) return resolve();
        logger.warn(`시작하는 중에 ${signal}을(를) 받아 종료합니다`);
        process.exit(128 + (osConstants.signals[signal] ?? 1));
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
    });
    try {
      await runChat(app, {
        input: process.stdin,
        output: process.stdout,
        interactive: Boolean(process.stdin.isTTY),
        stopSignal,
        onRunning: () => {
          running = true;
          guard.install();
        },
      });
    } finally {
      guard.remove();
      await watched?.close();
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

/** One feedback entry, each stored text on its own line: neutralised, its breaks shown, so it cannot forge entries. */
function feedbackText(f: FeedbackRow): string {
  const where = terminalLine([f.platform, f.workspace, f.channel, f.user].filter(Boolean).join('/'));
  return [
    `#${f.id} ${terminalLine(f.at.slice(0, 16).replace('T', ' '))} ${f.verdict === 'up' ? '👍' : '👎'} ${where}`,
    `  질문: ${terminalLine(f.question)}`,
    `  답: ${terminalLine(f.replyText.split('\n')[0] ?? '')} (${terminalLine(f.replyKind)})`,
    ...(f.sources.length ? [`  출처: ${terminalLine(f.sources.join(' | '))}`] : []),
    // Which answerer replied: what a developer reads first when the answer was wrong.
    ...(f.trace.length ? [`  경로: ${terminalLine(f.trace.join(' → '))}`] : []),
    ...(f.comment ? [`  의견: ${terminalLine(f.comment)}`] : []),
  ].join('\n');
}

/** More uncaught errors than this within GUARD_WINDOW_MS is a loop failing, not a stray event: the process ends. */
const GUARD_MAX_ERRORS = 20;
const GUARD_WINDOW_MS = 60_000;

/**
 * The running bot's last line of defence. An error a chat SDK raises in its own event handlers, outside every
 * listener's try/catch (discord.js reading an INTERACTION_CREATE that has neither member nor user), would end the
 * process and take Slack, Discord and the digest scheduler down with it. Once `start` is running, such an error is
 * logged with an incident id and the bot keeps answering; its few writes (feedback, the digest journal) are each one
 * transaction, so no half-done state outlives the error. At start-up and shutdown nothing is caught here: those
 * errors end the process through the boundary below. A burst still ends it, for a supervisor to restart it.
 */
function guardWhileRunning(logger: Logger): { install: () => void; remove: () => void } {
  const recent: number[] = [];
  const survive = (kind: 'exception' | 'rejection') => (err: unknown) => {
    const incident = randomUUID().slice(0, 8);
    logger.error(`처리하지 못한 오류 — 계속 실행합니다 (사건 번호 ${incident})`, {
      incident,
      kind,
      error: err instanceof Error ? err : String(err),
    });
    const now = Date.now();
    recent.push(now);
    while (recent[0]! < now - GUARD_WINDOW_MS) recent.shift();
    if (recent.length > GUARD_MAX_ERRORS) {
      logger.error(`처리하지 못한 오류가 ${GUARD_WINDOW_MS / 1000}초에 ${recent.length}번 — 종료합니다`);
      process.exit(1);
    }
  };
  const onException = survive('exception');
  const onRejection = survive('rejection');
  return {
    install: () => {
      process.on('uncaughtException', onException);
      process.on('unhandledRejection', onRejection);
    },
    remove: () => {
      process.off('uncaughtException', onException);
      process.off('unhandledRejection', onRejection);
    },
  };
}

/** A change the watch applied, in the words of an ingest report. */
function printWatchEvent(event: WatchEvent): void {
  if (event.kind === 'error') log(`✗ ${event.message}`);
  else if (event.kind === 'withdrawn') log(`− ${event.path} — 파일이 없어져 거둬들였습니다 (이전 버전은 기록에 남습니다)`);
  else if (event.report.outcome === 'failed') log(`✗ ${event.report.error} — 파일이 바뀌면 다시 읽습니다`);
  else if (event.report.outcome !== 'unchanged') printReport(event.report);
}

function printReport(r: DocumentReport): void {
  if (r.outcome === 'failed') {
    log(`✗ ${r.error}`);
    return;
  }
  const label = { new: '새 문서', updated: '새 버전', unchanged: '변경 없음', restored: '다시 추가 (새 버전)' }[r.outcome];
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
