/** ASCII tests of one UTF-16 code unit: the text checks that nearly always meet ASCII answer without a Unicode pattern. */
export const isAsciiLower = (c: number) => c >= 0x61 && c <= 0x7a;
export const isAsciiUpper = (c: number) => c >= 0x41 && c <= 0x5a;
export const isAsciiDigit = (c: number) => c >= 0x30 && c <= 0x39;
export const isAsciiLetter = (c: number) => isAsciiLower(c) || isAsciiUpper(c);
