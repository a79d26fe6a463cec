/**
 * Runs `run` at most once per `intervalMs`: the first trigger runs at once, triggers within the
 * interval after a run are gathered into one run at its end (so the last change is never missed).
 */
export function createThrottle(run: () => void, intervalMs: number) {
  let lastRun = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const fire = () => {
    timer = null;
    lastRun = Date.now();
    run();
  };
  return {
    trigger(): void {
      if (timer !== null) return;
      const wait = lastRun + intervalMs - Date.now();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    },
    cancel(): void {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
