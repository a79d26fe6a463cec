// Performance marks the benchmark reads (bench/): "data received" when the first timeline page of an
// opened conversation arrives, "painted" in the frame after that page is first in the DOM. Once per
// opened conversation; opening another clears the previous marks so a reader never pairs stale ones.

export const TIMELINE_DATA_MARK = 'parley:timeline-data';
export const TIMELINE_PAINTED_MARK = 'parley:timeline-painted';

let measured: { conversationId: string; data: boolean; painted: boolean } | null = null;

/** A conversation was opened: forget the marks of the previous one. */
export function startTimelineMeasure(conversationId: string): void {
  if (measured?.conversationId === conversationId) return;
  measured = { conversationId, data: false, painted: false };
  performance.clearMarks(TIMELINE_DATA_MARK);
  performance.clearMarks(TIMELINE_PAINTED_MARK);
}

/** The first page's data is here (fetched now or already cached). */
export function markTimelineData(conversationId: string): void {
  if (measured?.conversationId !== conversationId || measured.data) return;
  measured.data = true;
  performance.mark(TIMELINE_DATA_MARK);
}

/** The first page is in the DOM: mark in the next frame, once the browser has painted it. */
export function markTimelinePainted(conversationId: string): void {
  if (measured?.conversationId !== conversationId || !measured.data || measured.painted) return;
  measured.painted = true;
  requestAnimationFrame(() => performance.mark(TIMELINE_PAINTED_MARK));
}
