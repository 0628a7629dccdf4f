/** "Today" for answers and digests: fixed by --today / DAMDANG_TODAY so replies can be tested and replayed. */
export interface Clock {
  today(): string;
}

export function fixedClock(isoDate: string): Clock {
  return { today: () => isoDate };
}

export function systemClock(): Clock {
  return {
    today: () => {
      const d = new Date();
      const pad = (n: number) => `${n}`.padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    },
  };
}

export function clockFor(today: string | null): Clock {
  return today ? fixedClock(today) : systemClock();
}
