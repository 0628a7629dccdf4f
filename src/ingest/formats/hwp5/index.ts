/**
 * The HWP 5 (.hwp) reader, best effort and never at the cost of the process: each stage runs in a child process of
 * its own with a time and memory limit (child-client.ts). Our own reader of the body records first (records.ts:
 * every line of the eight real files, tables with their spans, text boxes); then hwp.js (tables, no text boxes);
 * then the file's own preview text (PrvText: only the first part of the document, said in a warning). A file none
 * of them reads is refused by name. @ohah/hwpjs is not among them: on seven of the eight real files it gives an
 * earlier table's cells in place of a later table's (wrong figures, silently), and on a damaged table record it
 * aborts its process.
 */
import { IngestError } from '../../errors.js';
import type { ExtractedText, FileReader } from '../extracted.js';
import { type Block, blocksToText } from '../layout.js';
import { type Hwp5Stage, runStage, StageError } from './child-client.js';
import { hwpJsBlocks, type HwpJsSections } from './from-hwp-js.js';
import { previewBlocks } from './preview.js';
import { recordBlocks } from './records.js';

/** The longest real file (a 2.5 MB plan) reads in under a second; a library still busy after this is stuck. */
const TIMEOUT_MS = 20_000;

export const REFUSAL = 'HWP 5 파일을 읽지 못했습니다: HWPX나 PDF로 저장해 주세요';
export const PREVIEW_ONLY = '미리보기 텍스트만 읽었습니다: 문서의 앞부분뿐입니다 (본문을 읽지 못함)';

interface Stage {
  stage: Hwp5Stage;
  read(json: string): { blocks: Block[] };
  warning?: string;
}

const STAGES: Stage[] = [
  {
    stage: 'sections',
    read: (json) => ({
      blocks: recordBlocks((JSON.parse(json) as { sections: string[] }).sections.map((s) => Buffer.from(s, 'base64'))),
    }),
  },
  {
    stage: 'hwp.js',
    read: (json) => ({ blocks: hwpJsBlocks(JSON.parse(json) as HwpJsSections) }),
    warning: '본문을 대체 방법(hwp.js)으로 읽었습니다: 글상자 안의 글은 빠졌을 수 있습니다',
  },
  {
    stage: 'preview',
    read: (json) => ({ blocks: previewBlocks((JSON.parse(json) as { text?: string }).text ?? '') }),
    warning: PREVIEW_ONLY,
  },
];

export const readHwp5: FileReader = (bytes, file) => readHwp5With(bytes, file, TIMEOUT_MS);

export async function readHwp5With(bytes: Buffer, file: string, timeoutMs: number): Promise<ExtractedText> {
  const failures: string[] = [];
  for (const { stage } of STAGES) {
    try {
      const extracted = await readHwp5Stage(stage, bytes, timeoutMs);
      if (extracted.lines.length > 0) return extracted;
      failures.push(`${stage}: 글자가 없음`);
    } catch (err) {
      failures.push(`${stage}: ${reason(err, timeoutMs)}`);
    }
  }
  throw new IngestError(file, `${REFUSAL} (${failures.join('; ')})`);
}

/** One stage of the chain on its own (the benchmark and tests compare them); rejects as that stage fails. */
export async function readHwp5Stage(stage: Hwp5Stage, bytes: Buffer, timeoutMs: number): Promise<ExtractedText> {
  const { read, warning } = STAGES.find((s) => s.stage === stage)!;
  const { blocks, ...properties } = read(await runStage(stage, bytes, timeoutMs));
  return { format: 'hwp', ...blocksToText(blocks), ...properties, warnings: warning ? [warning] : [] };
}

function reason(err: unknown, timeoutMs: number): string {
  if (!(err instanceof StageError)) return (err as Error).message ?? String(err);
  const { kind, message } = err.failure;
  if (kind === 'timeout') return `${Math.ceil(timeoutMs / 1000)}초 안에 끝나지 않음`;
  if (kind === 'crash') return `읽던 프로세스가 중단됨 (${message})`;
  return message;
}
