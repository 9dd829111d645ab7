/** Small dense linear algebra for the statistics: the inverse of a square matrix (a few dozen rows at most). */

/** Inverse of a square matrix, row-major (Gauss–Jordan with partial pivoting); null if (numerically) singular. */
export function invertMatrix(m: Float64Array, size: number): Float64Array | null {
  const a = Float64Array.from(m);
  const inv = new Float64Array(size * size);
  for (let i = 0; i < size; i++) inv[i * size + i] = 1;
  for (let c = 0; c < size; c++) {
    let pivot = c;
    for (let r = c + 1; r < size; r++) if (Math.abs(a[r * size + c]) > Math.abs(a[pivot * size + c])) pivot = r;
    const p = a[pivot * size + c];
    if (!(Math.abs(p) > 1e-12)) return null;
    if (pivot !== c) {
      for (let k = 0; k < size; k++) {
        [a[c * size + k], a[pivot * size + k]] = [a[pivot * size + k], a[c * size + k]];
        [inv[c * size + k], inv[pivot * size + k]] = [inv[pivot * size + k], inv[c * size + k]];
      }
    }
    for (let k = 0; k < size; k++) {
      a[c * size + k] /= p;
      inv[c * size + k] /= p;
    }
    for (let r = 0; r < size; r++) {
      if (r === c) continue;
      const f = a[r * size + c];
      if (f === 0) continue;
      for (let k = 0; k < size; k++) {
        a[r * size + k] -= f * a[c * size + k];
        inv[r * size + k] -= f * inv[c * size + k];
      }
    }
  }
  return inv;
}
