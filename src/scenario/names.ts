/**
 * What an arm name may hold. A name comes from a link, so it can carry characters that are not text: control
 * characters (a terminal obeys ESC, XML forbids most C0), bidirectional overrides (drawn as another name: "‮lortnoC"
 * shows as "Control"), line and paragraph separators, and noncharacters (U+FFFE, U+FFFF are not allowed in XML).
 * Those are removed. A name with nothing visible left (only spaces, zero-width or other default-ignorable
 * characters, or combining marks) is refused. Pure: no DOM.
 */

/**
 * Removed from names: Cc (C0, DEL, C1), Bidi_Control (LRM, RLM, ALM, embeddings, overrides, isolates), Zl, Zp, and
 * noncharacters.
 */
const NOT_TEXT = /[\p{Cc}\p{Bidi_Control}\p{Zl}\p{Zp}\p{Noncharacter_Code_Point}]/gu;
const HAS_NOT_TEXT = new RegExp(NOT_TEXT.source, 'u');

/** Characters that draw nothing by themselves. */
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{M}\p{Cf}\u2800\u3164\uffa0\u115f\u1160]/gu;

/** The name with the characters that are not text removed, and whether there were any. */
export function stripNameControls(name: string): { name: string; removed: boolean } {
  const clean = name.replace(NOT_TEXT, '');
  return { name: clean, removed: clean !== name };
}

/** True when the name holds a character that stripNameControls removes. */
export function hasNameControls(name: string): boolean {
  return HAS_NOT_TEXT.test(name);
}

/** True when nothing of the name would be seen: empty, or only blank, zero-width and combining characters. */
export function isInvisibleName(name: string): boolean {
  return name.replace(INVISIBLE, '') === '';
}
