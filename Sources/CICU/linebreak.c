// Line breaking for PO files, as GNU gettext does it.
//
// gettext wraps msgid and msgstr lines with libunistring's implementation of the
// Unicode line-breaking algorithm (UAX #14): a table of pair rules between line-break
// classes, a few context rules, and a column count. Tolk reads the classes and widths
// from ICU's character properties and applies the same rules, so that its catalogues
// are byte for byte what msgcat writes, without linking libunistring. The tests hold
// this against msgcat.

#include "CICU.h"

#include <unicode/uchar.h>

// Line-break classes, in the order of the pair table's rows and columns; the classes
// after EM are resolved before the table is used.
enum {
    LB_WJ, LB_GL, LB_B2, LB_BA, LB_BB, LB_HY, LB_CL, LB_CP1, LB_CP2, LB_EX, LB_IN,
    LB_NS, LB_OP1, LB_OP2, LB_QU, LB_IS, LB_NU, LB_PO, LB_PR, LB_SY, LB_AL, LB_H2,
    LB_H3, LB_ID1, LB_ID2, LB_JL, LB_JV, LB_JT, LB_HL, LB_RI, LB_ZWJ, LB_EB, LB_EM,
    LB_BK, LB_CR, LB_LF, LB_CM, LB_ZW, LB_SP,
    LB_HL_BA  // a Hebrew letter followed by a hyphen or break-after character
};

// UAX #14's pair table, row = class before, column = class after: D is a direct break,
// I a break only when spaces come between, P no break. gettext's one change: IS before
// AL is a direct break, so that "<p>A sentence.</p>" may break before its end tag.
static const char tolk_pair_table[33][34] = {
    "PIIIIIPPPPIIIIIPIIIPIIIIIIIIIIIII", // WJ
    "PIIIIIPPPPIIIIIPIIIPIIIIIIIIIIIII", // GL
    "PIPIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD", // B2
    "PDDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD", // BA
    "PIIIIIPPPPIIIIIPIIIPIIIIIIIIIIIII", // BB
    "PDDIDIPPPPIIDDIPIDDPDDDDDDDDDDDDD", // HY
    "PIDIDIPPPPIPDDIPDIIPDDDDDDDDDDDDD", // CL
    "PIDIDIPPPPIIDDIPIIIPIDDDDDDDIDIDD", // CP1
    "PIDIDIPPPPIIDDIPDIIPDDDDDDDDDDDDD", // CP2
    "PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD", // EX
    "PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD", // IN
    "PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD", // NS
    "PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP", // OP1
    "PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP", // OP2
    "PIIIIIPPPPIIPPIPIIIPIIIIIIIIIIIII", // QU
    "PIDIDIPPPPIIDDIPIDDPDDDDDDDDDDDDD", // IS
    "PIDIDIPPPPIIIDIPIIIPIDDDDDDDIDIDD", // NU
    "PIDIDIPPPPIIIIIPIDDPIDDDDDDDIDIDD", // PO
    "PIDIDIPPPPIIIIIPIDDPIIIIIIIIIDIII", // PR
    "PIDIDIPPPPIIDDIPIDDPDDDDDDDDIDDDD", // SY
    "PIDIDIPPPPIIIDIPIIIPIDDDDDDDIDIDD", // AL
    "PIDIDIPPPPIIDDIPDIDPDDDDDDIIDDDDD", // H2
    "PIDIDIPPPPIIDDIPDIDPDDDDDDDIDDDDD", // H3
    "PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDD", // ID1
    "PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDI", // ID2
    "PIDIDIPPPPIIDDIPDIDPDIIDDIIDDDDDD", // JL
    "PIDIDIPPPPIIDDIPDIDPDDDDDDIIDDDDD", // JV
    "PIDIDIPPPPIIDDIPDIDPDDDDDDDIDDDDD", // JT
    "PIDIDIPPPPIIIDIPIIIPIDDDDDDDIDIDD", // HL
    "PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD", // RI
    "PIDIDIPPPPIIIDIPIIIPIDDIIDDDIDIII", // ZWJ
    "PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDI", // EB
    "PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDD", // EM
};

// Unassigned code points default to ideographic in the CJK and pictograph planes, as
// LineBreak.txt says, and to alphabetic elsewhere.
static int tolk_line_break_class_of_unassigned(UChar32 c) {
    int ideographic = (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0x20000 && c <= 0x2FFFD) || (c >= 0x30000 && c <= 0x3FFFD) || (c >= 0x1F000 && c <= 0x1FAFF)
        || (c >= 0x1FC00 && c <= 0x1FFFD);
    if (c >= 0x20BC && c <= 0x20CF) {
        return LB_PR;  // reserved for currency signs
    }
    return ideographic ? LB_ID1 : LB_AL;
}

static int tolk_is_east_asian(UChar32 c) {
    int width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    return width == U_EA_WIDE || width == U_EA_FULLWIDTH || width == U_EA_HALFWIDTH;
}

int32_t tolk_line_break_class(int32_t c) {
    if (tolk_unassigned_for_gettext(c)) {
        // Pictographs that may become emoji take modifiers: a class of their own.
        return u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ? LB_ID2 : tolk_line_break_class_of_unassigned(c);
    }
    if (c == 0x1DCD || c == 0x1DFC) {
        return LB_CM;  // combining double marks, which gettext's data keeps with their base
    }
    if (c == 0x2057) {
        return LB_AL;  // quadruple prime: alphabetic until Unicode 15
    }
    switch ((ULineBreak)u_getIntPropertyValue(c, UCHAR_LINE_BREAK)) {
    case U_LB_MANDATORY_BREAK: case U_LB_NEXT_LINE: return LB_BK;
    case U_LB_CARRIAGE_RETURN: return LB_CR;
    case U_LB_LINE_FEED: return LB_LF;
    case U_LB_COMBINING_MARK: return LB_CM;
    case U_LB_SURROGATE: return LB_AL;
    case U_LB_ZWSPACE: return LB_ZW;
    case U_LB_SPACE: return LB_SP;
    case U_LB_WORD_JOINER: return LB_WJ;
    case U_LB_GLUE: return LB_GL;
    case U_LB_BREAK_BOTH: return LB_B2;
    case U_LB_BREAK_AFTER: return LB_BA;
    case U_LB_BREAK_BEFORE: return LB_BB;
    case U_LB_HYPHEN: return LB_HY;
    case U_LB_CONTINGENT_BREAK: return LB_ID1;
    case U_LB_CLOSE_PUNCTUATION: return LB_CL;
    case U_LB_CLOSE_PARENTHESIS: return tolk_is_east_asian(c) ? LB_CP2 : LB_CP1;
    case U_LB_EXCLAMATION: return LB_EX;
    case U_LB_INSEPARABLE: return LB_IN;
    case U_LB_NONSTARTER: case U_LB_CONDITIONAL_JAPANESE_STARTER: return LB_NS;
    case U_LB_OPEN_PUNCTUATION: return tolk_is_east_asian(c) ? LB_OP2 : LB_OP1;
    case U_LB_QUOTATION: return LB_QU;
    case U_LB_INFIX_NUMERIC: return LB_IS;
    case U_LB_NUMERIC: return LB_NU;
    case U_LB_POSTFIX_NUMERIC: return LB_PO;
    case U_LB_PREFIX_NUMERIC: return LB_PR;
    case U_LB_BREAK_SYMBOLS: return LB_SY;
    case U_LB_H2: return LB_H2;
    case U_LB_H3: return LB_H3;
    case U_LB_HEBREW_LETTER: return LB_HL;
    case U_LB_IDEOGRAPHIC: return LB_ID1;
    case U_LB_JL: return LB_JL;
    case U_LB_JV: return LB_JV;
    case U_LB_JT: return LB_JT;
    case U_LB_REGIONAL_INDICATOR: return LB_RI;
    case U_LB_ZWJ: return LB_ZWJ;
    case U_LB_E_BASE: return LB_EB;
    case U_LB_E_MODIFIER: return LB_EM;
    default:
        // Ambiguous, complex-context (South East Asian) and unknown characters count as
        // alphabetic, as in any non-CJK encoding.
        return LB_AL;
    }
}

void tolk_po_line_breaks(const uint32_t *text, int32_t count, int32_t width, int32_t startColumn,
                         const uint8_t *prohibited, uint8_t *breaks) {
    enum { NONE, POSSIBLE, MANDATORY };
    // Break opportunities: UAX #14 with the pair table.
    int previous = LB_BK;  // class of the character before, CM and ZWJ resolved
    int last = LB_BK;      // class of the last character that is not a space
    int seenSpace = 0;
    int32_t regionalIndicators = 0;
    for (int32_t index = 0; index < count; index++) {
        UChar32 c = (UChar32)text[index];
        int cls = tolk_line_break_class(c);
        uint8_t kind = NONE;
        if (cls == LB_BK || cls == LB_LF || cls == LB_CR) {
            kind = MANDATORY;
            previous = cls;
            last = LB_BK;
            seenSpace = 0;
        } else {
            if (cls == LB_SP) {
                seenSpace = 1;
            } else if (cls == LB_ZW) {
                last = LB_ZW;
                seenSpace = 0;
            } else if (cls == LB_CM || cls == LB_ZWJ) {
                if (last == LB_BK) {
                    last = LB_AL;
                    seenSpace = 0;
                } else if (last == LB_ZW || seenSpace) {
                    kind = POSSIBLE;
                    last = LB_AL;
                    seenSpace = 0;
                }
            } else {
                if (last == LB_BK) {
                    kind = NONE;
                } else if (last == LB_ZW) {
                    kind = POSSIBLE;
                } else if (previous == LB_ZWJ) {
                    kind = NONE;
                } else if (last == LB_RI && cls == LB_RI) {
                    kind = seenSpace || regionalIndicators % 2 == 0 ? POSSIBLE : NONE;
                } else if (previous == LB_HL_BA) {
                    kind = NONE;
                } else {
                    char rule = tolk_pair_table[last][cls];
                    kind = rule == 'D' || (rule == 'I' && seenSpace) ? POSSIBLE : NONE;
                }
                last = cls;
                seenSpace = 0;
            }
            previous = previous == LB_HL && (cls == LB_HY || cls == LB_BA) ? LB_HL_BA : cls;
        }
        regionalIndicators = cls == LB_RI ? regionalIndicators + 1 : 0;
        if (prohibited != NULL && prohibited[index]) {
            kind = NONE;
        }
        breaks[index] = kind;
    }
    // Where to break: each piece between two opportunities goes on the current line if
    // it fits, else a break comes before it.
    int32_t lastBreak = -1;
    int32_t lastColumn = startColumn;
    int32_t pieceWidth = 0;
    for (int32_t index = 0; index < count; index++) {
        uint8_t kind = breaks[index];
        breaks[index] = 0;
        if (kind != NONE && lastBreak >= 0 && lastColumn + pieceWidth > width) {
            breaks[lastBreak] = 1;
            lastColumn = 0;
        }
        if (kind == MANDATORY) {
            lastBreak = -1;
            lastColumn = 0;
            pieceWidth = 0;
            continue;
        }
        if (kind == POSSIBLE) {
            lastBreak = index;
            lastColumn += pieceWidth;
            pieceWidth = 0;
        }
        int32_t columns = tolk_column_width((int32_t)text[index]);
        if (columns > 0) {
            pieceWidth += columns;
        }
    }
    if (lastBreak >= 0 && lastColumn + pieceWidth > width) {
        breaks[lastBreak] = 1;
    }
}
