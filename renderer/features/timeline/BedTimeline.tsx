// Zeitstrahl: one row per bed, stays and blocks as bars over time.
// Windowed in both directions so a GU with 500+ beds and years of history
// scrolls smoothly: only the rows in view (plus a few) are in the DOM, and
// each row draws only the bars that intersect the visible days.
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type UIEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import Button from '@mui/material/Button';
import { useTheme, type Theme } from '@mui/material/styles';
import type { Id, IsoDate } from '../../../shared/domain/model';
import { DAY_WIDTH, ZOOMS, dayNumber, ticksFor, visibleDays, visibleRows, zoomIn, zoomOut, type DayWindow, type TimelineZoom } from './timeScale';
import { formatDate, intlLocale } from '../../i18n/format';

export interface TimelineRow {
  id: Id;
  /** Bed label, e.g. "Platz 2". */
  label: string;
  /** Context, e.g. "Haus A · Zimmer 1.04". */
  group: string;
}

export type TimelineBarKind = 'stay' | 'current' | 'planned' | 'block';

export interface TimelineBar {
  id: Id;
  from: IsoDate;
  /** Exclusive; null = open. */
  to: IsoDate | null;
  kind: TimelineBarKind;
  label: string;
}

export interface BedTimelineProps {
  rows: readonly TimelineRow[];
  barsByRow: ReadonlyMap<Id, readonly TimelineBar[]>;
  today: IsoDate;
  /** First and (exclusive) last day the canvas covers. */
  rangeStart: IsoDate;
  rangeEnd: IsoDate;
  initialZoom?: TimelineZoom;
  /** Height of the scroll area in px. */
  height?: number;
  onBarClick?: (bar: TimelineBar, rowId: Id) => void;
}

const ROW_HEIGHT = 32;
const HEADER_HEIGHT = 44;
const LABEL_WIDTH = 200;
/** Used when layout is unavailable (tests, first paint before measuring). */
const FALLBACK_WIDTH = 1000;

function barColors(theme: Theme, kind: TimelineBarKind): { bg: string; fg: string; border: string; image: string } {
  const p = theme.palette;
  switch (kind) {
    case 'current':
      return { bg: p.primary.main, fg: p.primary.contrastText, border: p.primary.dark, image: 'none' };
    case 'stay':
      return { bg: p.grey[400], fg: p.getContrastText(p.grey[400]), border: p.grey[600], image: 'none' };
    case 'planned':
      return { bg: p.warning.light, fg: p.getContrastText(p.warning.light), border: p.warning.dark, image: 'none' };
    case 'block':
      return {
        bg: p.background.paper,
        fg: p.error.dark,
        border: p.error.main,
        image: `repeating-linear-gradient(45deg, ${p.error.light}55 0 5px, transparent 5px 10px)`,
      };
  }
}

interface RowProps {
  row: TimelineRow;
  top: number;
  bars: readonly TimelineBar[];
  window: DayWindow;
  startDay: number;
  dayWidth: number;
  width: number;
  /** Canvas x of the left edge of the visible timeline (right of the labels). */
  viewLeft: number;
  theme: Theme;
  barAriaLabel: (bar: TimelineBar) => string;
  onBarClick: BedTimelineProps['onBarClick'];
}

const TimelineRowView = memo(function TimelineRowView({ row, top, bars, window, startDay, dayWidth, width, viewLeft, theme, barAriaLabel, onBarClick }: RowProps) {
  const visible: { bar: TimelineBar; from: number; to: number }[] = [];
  for (const bar of bars) {
    const from = Math.max(dayNumber(bar.from), window.from);
    const to = Math.min(bar.to === null ? window.to : dayNumber(bar.to), window.to);
    if (to > from) visible.push({ bar, from, to });
  }
  return (
    <div
      role="group"
      aria-label={`${row.group} · ${row.label}`}
      data-testid="timeline-row"
      style={{
        position: 'absolute',
        top,
        left: 0,
        width,
        height: ROW_HEIGHT,
        borderBottom: `1px solid ${theme.palette.divider}`,
      }}
    >
      <div
        style={{
          position: 'sticky',
          left: 0,
          zIndex: 1,
          width: LABEL_WIDTH,
          height: ROW_HEIGHT - 1,
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'center',
          padding: '0 8px',
          boxSizing: 'border-box',
          background: theme.palette.background.paper,
          borderRight: `1px solid ${theme.palette.divider}`,
          overflow: 'hidden',
          whiteSpace: 'nowrap',
          fontSize: 12,
          lineHeight: 1.2,
        }}
      >
        <span style={{ fontWeight: 600, overflow: 'hidden', textOverflow: 'ellipsis' }}>{row.label}</span>
        <span style={{ color: theme.palette.text.secondary, overflow: 'hidden', textOverflow: 'ellipsis' }}>{row.group}</span>
      </div>
      {visible.map(({ bar, from, to }) => {
        const c = barColors(theme, bar.kind);
        const label = barAriaLabel(bar);
        const left = LABEL_WIDTH + (from - startDay) * dayWidth;
        // A bar that starts left of the view keeps its name readable at the view's edge.
        const textInset = Math.max(4, viewLeft - left + 4);
        return (
          <div
            key={bar.id}
            role="img"
            aria-label={label}
            title={label}
            data-testid="timeline-bar"
            data-kind={bar.kind}
            onClick={onBarClick ? () => onBarClick(bar, row.id) : undefined}
            style={{
              position: 'absolute',
              top: 4,
              height: ROW_HEIGHT - 9,
              left,
              width: Math.max(2, (to - from) * dayWidth - 1),
              boxSizing: 'border-box',
              background: c.bg,
              backgroundImage: c.image,
              color: c.fg,
              border: `1px ${bar.kind === 'planned' ? 'dashed' : 'solid'} ${c.border}`,
              borderRadius: 4,
              fontSize: 12,
              lineHeight: `${ROW_HEIGHT - 11}px`,
              padding: `0 4px 0 ${textInset}px`,
              overflow: 'hidden',
              whiteSpace: 'nowrap',
              textOverflow: 'ellipsis',
              cursor: onBarClick ? 'pointer' : 'default',
            }}
          >
            {bar.label}
          </div>
        );
      })}
    </div>
  );
});

export function BedTimeline({ rows, barsByRow, today, rangeStart, rangeEnd, initialZoom = 'weeks', height = 560, onBarClick }: BedTimelineProps) {
  const { t, i18n } = useTranslation('accommodations');
  const theme = useTheme();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState<TimelineZoom>(initialZoom);
  const [scroll, setScroll] = useState({ top: 0, left: 0 });
  const [viewport, setViewport] = useState({ width: FALLBACK_WIDTH, height });
  // Day to keep in the centre across a zoom change (set before changing zoom).
  const pendingCentre = useRef<number | null>(null);
  const initialised = useRef(false);

  const startDay = dayNumber(rangeStart);
  const totalDays = Math.max(1, dayNumber(rangeEnd) - startDay);
  const dayWidth = DAY_WIDTH[zoom];
  const canvasWidth = LABEL_WIDTH + totalDays * dayWidth;
  const canvasHeight = HEADER_HEIGHT + rows.length * ROW_HEIGHT;
  const timelineWidth = Math.max(0, viewport.width - LABEL_WIDTH);
  const todayDay = dayNumber(today);

  const scrollTo = useCallback((left: number, top: number) => {
    const el = scrollRef.current;
    const maxLeft = Math.max(0, canvasWidth - viewport.width);
    const maxTop = Math.max(0, canvasHeight - viewport.height);
    const next = { left: Math.min(maxLeft, Math.max(0, left)), top: Math.min(maxTop, Math.max(0, top)) };
    if (el) {
      el.scrollLeft = next.left;
      el.scrollTop = next.top;
    }
    // Set state directly as well: environments without layout never fire scroll events.
    setScroll(next);
  }, [canvasWidth, canvasHeight, viewport.width, viewport.height]);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return undefined;
    const measure = () => {
      const w = el.clientWidth || FALLBACK_WIDTH;
      const h = el.clientHeight || height;
      setViewport((v) => (v.width === w && v.height === h ? v : { width: w, height: h }));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [height]);

  // First paint: put today at one third of the visible timeline.
  useLayoutEffect(() => {
    if (initialised.current) return;
    initialised.current = true;
    scrollTo((todayDay - startDay) * dayWidth - timelineWidth / 3, 0);
  }, [scrollTo, todayDay, startDay, dayWidth, timelineWidth]);

  // After a zoom change keep the same day in the centre.
  useLayoutEffect(() => {
    if (pendingCentre.current === null) return;
    const centre = pendingCentre.current;
    pendingCentre.current = null;
    scrollTo((centre - startDay) * dayWidth - timelineWidth / 2, scroll.top);
  }, [dayWidth, scrollTo, startDay, timelineWidth, scroll.top]);

  const changeZoom = (next: TimelineZoom) => {
    if (next === zoom) return;
    pendingCentre.current = startDay + (scroll.left + timelineWidth / 2) / dayWidth;
    setZoom(next);
  };

  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    setScroll((s) => (s.top === el.scrollTop && s.left === el.scrollLeft ? s : { top: el.scrollTop, left: el.scrollLeft }));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const stepX = Math.max(dayWidth * (zoom === 'days' ? 1 : 7), 80);
    const bodyHeight = viewport.height - HEADER_HEIGHT;
    let handled = true;
    switch (e.key) {
      case 'ArrowLeft':
        scrollTo(scroll.left - stepX, scroll.top);
        break;
      case 'ArrowRight':
        scrollTo(scroll.left + stepX, scroll.top);
        break;
      case 'ArrowUp':
        scrollTo(scroll.left, scroll.top - ROW_HEIGHT);
        break;
      case 'ArrowDown':
        scrollTo(scroll.left, scroll.top + ROW_HEIGHT);
        break;
      case 'PageUp':
        scrollTo(scroll.left, scroll.top - bodyHeight);
        break;
      case 'PageDown':
        scrollTo(scroll.left, scroll.top + bodyHeight);
        break;
      case 'Home':
        scrollTo((todayDay - startDay) * dayWidth - timelineWidth / 3, scroll.top);
        break;
      case '+':
      case '=':
        changeZoom(zoomIn(zoom));
        break;
      case '-':
        changeZoom(zoomOut(zoom));
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  };

  const rowWindow = visibleRows(scroll.top, viewport.height - HEADER_HEIGHT, ROW_HEIGHT, rows.length);
  const dayWindow = visibleDays(scroll.left, timelineWidth, dayWidth, startDay, totalDays);

  const monthFmt = useMemo(() => new Intl.DateTimeFormat(intlLocale(i18n.language), { month: 'long', year: 'numeric', timeZone: 'UTC' }), [i18n.language]);
  const monthShortFmt = useMemo(() => new Intl.DateTimeFormat(intlLocale(i18n.language), { month: 'short', timeZone: 'UTC' }), [i18n.language]);
  const ticks = useMemo(
    () =>
      ticksFor(zoom, dayWindow, {
        month: (m, y) => monthFmt.format(new Date(Date.UTC(y, m, 1))),
        monthShort: (m) => monthShortFmt.format(new Date(Date.UTC(2000, m, 1))),
        week: (w) => t('timeline.week', { week: w }),
      }),
    // dayWindow is a fresh object each render; its bounds are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [zoom, dayWindow.from, dayWindow.to, monthFmt, monthShortFmt, t],
  );

  const barAriaLabel = useCallback(
    (bar: TimelineBar) => {
      const from = formatDate(bar.from);
      const to = bar.to ? formatDate(bar.to) : t('timeline.open');
      return t(`timeline.bar.${bar.kind}`, { label: bar.label, from, to });
    },
    [t],
  );

  const x = (day: number) => LABEL_WIDTH + (day - startDay) * dayWidth;
  const emptyBars: readonly TimelineBar[] = [];
  const visibleRowViews = [];
  for (let i = rowWindow.first; i < rowWindow.last; i++) {
    const row = rows[i];
    if (!row) continue;
    visibleRowViews.push(
      <TimelineRowView
        key={row.id}
        row={row}
        top={HEADER_HEIGHT + i * ROW_HEIGHT}
        bars={barsByRow.get(row.id) ?? emptyBars}
        window={dayWindow}
        startDay={startDay}
        dayWidth={dayWidth}
        width={canvasWidth}
        viewLeft={scroll.left + LABEL_WIDTH}
        theme={theme}
        barAriaLabel={barAriaLabel}
        onBarClick={onBarClick}
      />,
    );
  }
  const helpId = 'bed-timeline-help';

  return (
    <Box>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={zoom}
          onChange={(_, v: TimelineZoom | null) => {
            if (v) changeZoom(v);
          }}
          aria-label={t('timeline.zoom')}
        >
          {ZOOMS.map((z) => (
            <ToggleButton key={z} value={z}>
              {t(`timeline.zoomLevel.${z}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <Button size="small" onClick={() => scrollTo((todayDay - startDay) * dayWidth - timelineWidth / 3, scroll.top)}>
          {t('timeline.today')}
        </Button>
        <Legend />
        <Typography id={helpId} variant="caption" color="text.secondary" sx={{ ml: 'auto' }}>
          {t('timeline.help')}
        </Typography>
      </Stack>
      <Box
        ref={scrollRef}
        tabIndex={0}
        role="region"
        aria-label={t('timeline.label', { count: rows.length })}
        aria-describedby={helpId}
        data-testid="timeline-scroll"
        data-day-width={dayWidth}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
        sx={{
          height,
          overflow: 'auto',
          position: 'relative',
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
          '&:focus-visible': { outline: `3px solid ${theme.palette.primary.main}`, outlineOffset: 2 },
        }}
      >
        <div data-testid="timeline-canvas" style={{ position: 'relative', width: canvasWidth, height: canvasHeight }}>
          <div
            style={{
              position: 'sticky',
              top: 0,
              zIndex: 3,
              height: HEADER_HEIGHT,
              width: canvasWidth,
              background: theme.palette.background.paper,
              borderBottom: `1px solid ${theme.palette.divider}`,
              fontSize: 12,
            }}
          >
            <div
              style={{
                position: 'sticky',
                left: 0,
                zIndex: 4,
                width: LABEL_WIDTH,
                height: HEADER_HEIGHT,
                background: theme.palette.background.paper,
                borderRight: `1px solid ${theme.palette.divider}`,
                display: 'flex',
                alignItems: 'flex-end',
                padding: '0 8px 4px',
                boxSizing: 'border-box',
                fontWeight: 600,
              }}
            >
              {t('timeline.bedColumn')}
            </div>
            {ticks.upper.map((tick, i) => {
              // The month (or year) already running at the left edge is pinned
              // there, unless the next one is about to take its place.
              const left = Math.max(x(tick.day), scroll.left + LABEL_WIDTH) + 4;
              const next = ticks.upper[i + 1];
              if (next && x(next.day) - left < 110) return null;
              return (
                <div key={`u${tick.day}`} style={{ position: 'absolute', top: 2, left, whiteSpace: 'nowrap', fontWeight: 600 }}>
                  {tick.label}
                </div>
              );
            })}
            {ticks.lower.map((tick) => (
              <div
                key={`l${tick.day}`}
                style={{
                  position: 'absolute',
                  top: 22,
                  left: x(tick.day),
                  height: HEADER_HEIGHT - 22,
                  paddingLeft: 3,
                  borderLeft: `1px solid ${tick.major ? theme.palette.text.secondary : theme.palette.divider}`,
                  color: theme.palette.text.secondary,
                  whiteSpace: 'nowrap',
                }}
              >
                {tick.label}
              </div>
            ))}
          </div>
          {visibleRowViews}
          {todayDay >= dayWindow.from && todayDay < dayWindow.to && (
            <div
              aria-hidden
              data-testid="timeline-today"
              style={{
                position: 'absolute',
                top: HEADER_HEIGHT,
                left: x(todayDay) + dayWidth / 2,
                width: 2,
                height: rows.length * ROW_HEIGHT,
                background: theme.palette.error.main,
                zIndex: 2,
                pointerEvents: 'none',
              }}
            />
          )}
        </div>
      </Box>
    </Box>
  );
}

function Legend() {
  const { t } = useTranslation('accommodations');
  const theme = useTheme();
  const kinds: TimelineBarKind[] = ['current', 'stay', 'planned', 'block'];
  return (
    <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap' }} aria-label={t('timeline.legend')} role="list">
      {kinds.map((k) => {
        const c = barColors(theme, k);
        return (
          <Stack key={k} direction="row" spacing={0.5} sx={{ alignItems: 'center' }} role="listitem">
            <span
              aria-hidden
              style={{
                display: 'inline-block',
                width: 18,
                height: 12,
                borderRadius: 2,
                background: c.bg,
                backgroundImage: c.image,
                border: `1px ${k === 'planned' ? 'dashed' : 'solid'} ${c.border}`,
              }}
            />
            <Typography variant="caption">{t(`timeline.kind.${k}`)}</Typography>
          </Stack>
        );
      })}
    </Stack>
  );
}
