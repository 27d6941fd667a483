package kz.talap.model;

/** An applicant-facing text in Kazakh, Russian and English. */
public record Text(String kk, String ru, String en) {

  public Text {
    kk = kk == null ? "" : kk;
    ru = ru == null ? "" : ru;
    en = en == null ? "" : en;
  }

  public String in(Language language) {
    return switch (language) {
      case KK -> kk;
      case RU -> ru;
      case EN -> en;
    };
  }

  /** This text followed by {@code other}, joined by {@code separator} in each language (a blank side is left out). */
  public Text and(Text other, String separator) {
    return new Text(join(kk, other.kk, separator), join(ru, other.ru, separator), join(en, other.en, separator));
  }

  private static String join(String a, String b, String separator) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + separator + b;
  }

  public boolean blank() {
    return kk.isEmpty() && ru.isEmpty() && en.isEmpty();
  }
}
