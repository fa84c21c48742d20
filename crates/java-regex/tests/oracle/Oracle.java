// The differential test's oracle: java.util.regex itself. One JVM per test run; cases
// stream through stdin, one line each, strings as UTF-16 code units in hex (4 digits each,
// so lone surrogates and line terminators survive):
//   in:  PATTERN_HEX \t INPUT_HEX \t INPUT_HEX ...
//   out: C \t results        compiled; one char per input: 1 match, 0 no match,
//                            X matches() threw, S stack overflow
//        E \t desc_hex \t index    PatternSyntaxException
//        T \t class              another Throwable from Pattern.compile
import java.io.*;
import java.util.regex.*;

public class Oracle {
    static String decode(String hex) {
        char[] cs = new char[hex.length() / 4];
        for (int i = 0; i < cs.length; i++)
            cs[i] = (char) Integer.parseInt(hex.substring(4 * i, 4 * i + 4), 16);
        return new String(cs);
    }

    static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) sb.append(String.format("%04x", (int) s.charAt(i)));
        return sb.toString();
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, "UTF-8"));
        PrintStream out = new PrintStream(new BufferedOutputStream(System.out), false, "UTF-8");
        String line;
        while ((line = in.readLine()) != null) {
            String[] parts = line.split("\t", -1);
            Pattern p;
            try {
                p = Pattern.compile(decode(parts[0]));
            } catch (PatternSyntaxException e) {
                out.println("E\t" + encode(e.getDescription()) + "\t" + e.getIndex());
                out.flush();
                continue;
            } catch (Throwable t) {
                out.println("T\t" + t.getClass().getName());
                out.flush();
                continue;
            }
            StringBuilder r = new StringBuilder("C\t");
            for (int i = 1; i < parts.length; i++) {
                try {
                    r.append(p.matcher(decode(parts[i])).matches() ? '1' : '0');
                } catch (StackOverflowError e) {
                    r.append('S');
                } catch (Throwable t) {
                    r.append('X');
                }
            }
            out.println(r);
            out.flush();
        }
    }
}
