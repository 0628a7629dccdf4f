/**
 * Which text of the corpus each original office file stands behind: ../shared/originals/<folder>/<stem>.pdf is the
 * original of ../shared/corpus/<folder>/<stem>[.layout|.raw].txt, or of the top-level corpus text of that stem.
 */
import { basename } from 'node:path';

const ORIGINAL_EXTENSIONS = /\.(?:pdf|hwpx|hwp|docx)$/i;

/** The stem a text and its original share: the name less its extension and the extraction mode (".layout", ".raw"). */
export function documentStem(file: string): string {
  return basename(file)
    .replace(ORIGINAL_EXTENSIONS, '')
    .replace(/(?:\.(?:layout|raw))?\.(?:txt|md)$/i, '');
}

export const isOriginal = (file: string) => ORIGINAL_EXTENSIONS.test(file);
