// Dumps java.lang.Character per code point for tests/unicode_tables.rs (run with a JDK whose
// Unicode version equals our tables', i.e. Java 25 for Unicode 16).
public class Tables {
  public static void main(String[] a) {
    StringBuilder sb = new StringBuilder(1 << 26);
    for (int cp = 0; cp <= 0x10FFFF; cp++) {
      Character.UnicodeBlock b = Character.UnicodeBlock.of(cp);
      int f = 0, k = 0;
      boolean[] v = { Character.isAlphabetic(cp), Character.isIdeographic(cp), Character.isLetter(cp), Character.isLowerCase(cp),
        Character.isUpperCase(cp), Character.isTitleCase(cp), Character.isDigit(cp), Character.isDefined(cp), Character.isLetterOrDigit(cp),
        Character.isJavaIdentifierStart(cp), Character.isJavaIdentifierPart(cp), Character.isUnicodeIdentifierStart(cp),
        Character.isUnicodeIdentifierPart(cp), Character.isIdentifierIgnorable(cp), Character.isSpaceChar(cp), Character.isWhitespace(cp),
        Character.isISOControl(cp), Character.isMirrored(cp) };
      for (boolean x : v) { if (x) f |= 1 << k; k++; }
      sb.append(Integer.toHexString(cp)).append(' ').append(Character.getType(cp)).append(' ')
        .append(Character.UnicodeScript.of(cp)).append(' ').append(b == null ? "-" : b.toString()).append(' ')
        .append(Integer.toHexString(Character.toUpperCase(cp))).append(' ').append(Integer.toHexString(Character.toLowerCase(cp)))
        .append(' ').append(f).append('\n');
    }
    System.out.print(sb);
  }
}
