// @vitest-environment happy-dom
// The y-axis title's place is computed from the tick labels' measured width (charts/frame.ts yTitlePlace): it keeps
// its usual place while the labels leave room, moves left of wide labels ("2.00e7" in presenter type), and never
// leaves the chart; when even that is not enough the plot moves right by the shortfall.
import { describe, expect, it } from 'vitest';
import { textLength, Y_TITLE_GAP, yTitlePlace } from '../../src/charts/frame';

describe('the y-axis title beside its tick labels', () => {
  it('keeps its usual place when the tick labels leave room (13 px type, labels 36 px wide)', () => {
    // axis at 64 px, labels from x = -3 - 36: their left edge at 25 px
    const place = yTitlePlace(64, -39, 13, 14);
    expect(place).toEqual({ offset: 14, extra: 0 });
    // the title's glyphs reach 0.25 em right of its baseline: 17.25 px, left of 25 - gap
    expect(14 + 0.25 * 13).toBeLessThanOrEqual(25 - Y_TITLE_GAP);
  });

  it('moves left of wider labels instead of running into them, as far as the chart allows', () => {
    // 11 px type, labels 40 px wide: left edge at 21 px, the title's right edge must be at 17 px at most
    const place = yTitlePlace(64, -43, 11, 16);
    expect(place.extra).toBe(0);
    expect(place.offset + 0.25 * 11).toBeCloseTo(21 - Y_TITLE_GAP, 6);
    expect(place.offset).toBeLessThan(16);
    expect(place.offset).toBeGreaterThanOrEqual(11 + 1);
  });

  it('never leaves the chart: presenter type and "2.00e7" move the plot right by what is missing', () => {
    // 20 px type, labels 66 px wide at an axis 64 px from the edge: the labels start at -5 px, outside the chart
    const place = yTitlePlace(64, -69, 20, 14);
    expect(place.offset).toBe(20 + 1); // the title's line box starts 1 px inside the chart
    expect(place.extra).toBeGreaterThan(0);
    // with the plot moved right by `extra`, the same labels leave the gap
    const moved = yTitlePlace(64 + place.extra, -69, 20, 14);
    expect(moved.extra).toBe(0);
    expect(64 + place.extra - 69 - (moved.offset + 0.25 * 20)).toBeGreaterThanOrEqual(Y_TITLE_GAP);
  });

  it('moves right of its usual place when larger type would put it past the left edge', () => {
    // presenter type, 17 px: the title's line box would start 3 px left of the chart at 14 px
    expect(yTitlePlace(64, -30, 17, 14)).toEqual({ offset: 18, extra: 0 });
  });

  it('keeps the given place where nothing could be measured (no layout)', () => {
    expect(yTitlePlace(64, null, 13, 14)).toEqual({ offset: 14, extra: 0 });
  });
});

describe('text lengths (charts/frame.ts textLength)', () => {
  const SVG_NS = 'http://www.w3.org/2000/svg';
  /** An SVG text whose browser measure is stubbed: `calls` counts how often it is taken (each forces a layout). */
  function label(content: string, fontSize: string, measures: { calls: number }): SVGTextElement {
    const element = document.createElementNS(SVG_NS, 'text') as SVGTextElement;
    element.textContent = content;
    element.style.font = `${fontSize} sans-serif`;
    document.body.append(element);
    element.getComputedTextLength = () => {
      measures.calls++;
      return content.length * Number.parseFloat(fontSize) * 0.55;
    };
    return element;
  }

  it('measures a text once per font: the same label again is not measured again, another text or size is', () => {
    const measures = { calls: 0 };
    const first = textLength(label('1,000', '11px', measures));
    expect(first).toBeCloseTo(5 * 11 * 0.55, 9);
    expect(textLength(label('1,000', '11px', measures))).toBe(first);
    expect(measures.calls).toBe(1);
    expect(textLength(label('2,000', '11px', measures))).toBeCloseTo(first, 9);
    expect(textLength(label('1,000', '17px', measures))).toBeCloseTo(5 * 17 * 0.55, 9);
    expect(measures.calls).toBe(3);
  });
});
