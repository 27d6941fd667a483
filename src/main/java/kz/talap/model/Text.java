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

  public boolean blank() {
    return kk.isEmpty() && ru.isEmpty() && en.isEmpty();
  }
}
