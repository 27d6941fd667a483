package kz.talap.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import kz.talap.compile.CompileResult;
import kz.talap.condition.Condition;
import kz.talap.condition.ConditionCompiler;
import kz.talap.model.Catalogue;
import kz.talap.model.CountryGroupMember;
import kz.talap.model.Enums.FactType;
import kz.talap.model.Fact;
import kz.talap.source.Diagnostic;

/**
 * A compiled catalogue with its diagnostics in a compact binary form, so that a command loads it in a few
 * milliseconds instead of compiling the workbooks again. Records are written component by component in declaration
 * order (the model's own record types, read back through their canonical constructors), each string and each
 * condition's type-checked expression once (later uses name it by number), dates as day numbers, enums by ordinal, and conditions as their source with CEL's type-checked
 * expression (made into a program when first evaluated). Not a published format: the file is only read by the build
 * that wrote it (the cache key includes the program) and the cache checks its integrity; anything that does not read
 * back exactly to the end is refused.
 */
public final class CatalogueBinary {
  /** The version of this form; bytes of another version are not read. */
  public static final String FORMAT = "talap-compiled-binary/1";

  private CatalogueBinary() {}

  /** The bytes for a compiled catalogue (present) and its diagnostics. */
  public static byte[] write(CompileResult result) throws IOException {
    Catalogue catalogue = result.catalogue().orElseThrow();
    Writer out = new Writer();
    out.string(FORMAT);
    out.varint(catalogue.facts().size());
    for (Fact fact : catalogue.facts()) {
      out.value(fact, Fact.class);
    }
    List<String> lists = lists(catalogue);
    out.varint(lists.size());
    lists.forEach(out::string);
    out.varint(result.diagnostics().size());
    for (Diagnostic diagnostic : result.diagnostics()) {
      out.value(diagnostic, Diagnostic.class);
    }
    out.value(catalogue, Catalogue.class);
    return out.bytes.toByteArray();
  }

  /** Reads what {@link #write} wrote; empty for bytes of another format or ones that do not read back whole. */
  public static Optional<CompileResult> read(byte[] bytes) {
    try {
      Reader in = new Reader(bytes);
      if (!FORMAT.equals(in.string())) {
        return Optional.empty();
      }
      int factCount = in.count();
      List<Fact> facts = new ArrayList<>(factCount);
      for (int i = 0; i < factCount; i++) {
        facts.add((Fact) in.value(Fact.class));
      }
      int listCount = in.count();
      Set<String> lists = new TreeSet<>();
      for (int i = 0; i < listCount; i++) {
        lists.add(in.string());
      }
      Map<String, FactType> types = new LinkedHashMap<>();
      facts.forEach(f -> types.put(f.name(), f.type()));
      in.conditions = new ConditionCompiler(types, lists);
      int diagnosticCount = in.count();
      List<Diagnostic> diagnostics = new ArrayList<>(diagnosticCount);
      for (int i = 0; i < diagnosticCount; i++) {
        diagnostics.add((Diagnostic) in.value(Diagnostic.class));
      }
      Catalogue catalogue = (Catalogue) in.value(Catalogue.class);
      if (in.position != bytes.length || !catalogue.facts().equals(facts)) {
        return Optional.empty();
      }
      return Optional.of(new CompileResult(Optional.of(catalogue), diagnostics));
    } catch (IOException | RuntimeException | LinkageError e) {
      return Optional.empty();
    }
  }

  /** The country-group names conditions see as lists, as the compiler declared them. */
  private static List<String> lists(Catalogue catalogue) {
    Set<String> lists = new TreeSet<>();
    for (CountryGroupMember member : catalogue.countryGroups()) {
      lists.add(member.group().toLowerCase(Locale.ROOT));
    }
    return new ArrayList<>(lists);
  }

  /** How a record type is taken apart and put together: its components, their types and its constructor. */
  private record Shape(Method[] accessors, Type[] types, Constructor<?> constructor) {
    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    static Shape of(Class<?> type) {
      return SHAPES.computeIfAbsent(type, Shape::make);
    }

    private static Shape make(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      if (components == null) {
        throw new IllegalArgumentException("not a record: " + type.getName());
      }
      Method[] accessors = new Method[components.length];
      Type[] types = new Type[components.length];
      Class<?>[] classes = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        accessors[i] = components[i].getAccessor();
        types[i] = components[i].getGenericType();
        classes[i] = components[i].getType();
      }
      try {
        return new Shape(accessors, types, type.getDeclaredConstructor(classes));
      } catch (NoSuchMethodException e) {
        throw new IllegalArgumentException("no canonical constructor: " + type.getName(), e);
      }
    }
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new IllegalArgumentException("unsupported type " + type);
  }

  private static Type argument(Type type) {
    if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
      return p.getActualTypeArguments()[0];
    }
    throw new IllegalArgumentException("unsupported type " + type);
  }

  private static final class Writer {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    private final Map<String, Integer> strings = new HashMap<>();
    /** Sources whose checked expression is written already: a catalogue repeats a few in many cells. */
    private final Map<String, Integer> checked = new HashMap<>();

    void varint(long value) {
      long v = value;
      while ((v & ~0x7FL) != 0) {
        bytes.write((int) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      bytes.write((int) v);
    }

    /** Signed numbers, small ones in few bytes (zig-zag). */
    void signed(long value) {
      varint((value << 1) ^ (value >> 63));
    }

    /** A string: 0 and its UTF-8 bytes the first time, then its number plus one. */
    void string(String text) {
      Integer known = strings.get(text);
      if (known != null) {
        varint(known + 1L);
        return;
      }
      strings.put(text, strings.size());
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      varint(0);
      varint(utf8.length);
      bytes.write(utf8, 0, utf8.length);
    }

    void value(Object value, Type type) throws IOException {
      if (value == null) {
        throw new IOException("null value of " + type.getTypeName());
      }
      Class<?> raw = raw(type);
      if (raw == String.class) {
        string((String) value);
      } else if (raw == int.class || raw == Integer.class) {
        signed((Integer) value);
      } else if (raw == long.class || raw == Long.class) {
        signed((Long) value);
      } else if (raw == boolean.class || raw == Boolean.class) {
        bytes.write((Boolean) value ? 1 : 0);
      } else if (raw.isEnum()) {
        varint(((Enum<?>) value).ordinal());
      } else if (raw == BigDecimal.class) {
        string(((BigDecimal) value).toString());
      } else if (raw == LocalDate.class) {
        signed(((LocalDate) value).toEpochDay());
      } else if (raw == LocalTime.class) {
        varint(((LocalTime) value).toNanoOfDay());
      } else if (raw == MonthDay.class) {
        signed(((MonthDay) value).getMonthValue());
        signed(((MonthDay) value).getDayOfMonth());
      } else if (raw == OptionalInt.class) {
        OptionalInt optional = (OptionalInt) value;
        bytes.write(optional.isPresent() ? 1 : 0);
        if (optional.isPresent()) {
          signed(optional.getAsInt());
        }
      } else if (raw == Optional.class) {
        Optional<?> optional = (Optional<?>) value;
        bytes.write(optional.isPresent() ? 1 : 0);
        if (optional.isPresent()) {
          value(optional.get(), argument(type));
        }
      } else if (raw == List.class) {
        List<?> list = (List<?>) value;
        Type element = argument(type);
        varint(list.size());
        for (Object item : list) {
          value(item, element);
        }
      } else if (raw == java.util.Map.class) {
        // A phrase's arguments (diagnostics): text, whole numbers, phrases, or texts by language.
        java.util.Map<?, ?> map = (java.util.Map<?, ?>) value;
        varint(map.size());
        for (java.util.Map.Entry<?, ?> entry : map.entrySet()) {
          string(String.valueOf(entry.getKey()));
          any(entry.getValue());
        }
      } else if (raw == Condition.class) {
        condition((Condition) value);
      } else if (raw == Catalogue.Index.class) {
        // Built again by the catalogue's constructor.
      } else if (raw.isRecord()) {
        Shape shape = Shape.of(raw);
        for (int i = 0; i < shape.accessors().length; i++) {
          Object component;
          try {
            component = shape.accessors()[i].invoke(value);
          } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IOException("cannot read " + shape.accessors()[i], e);
          }
          value(component, shape.types()[i]);
        }
      } else {
        throw new IOException("unsupported type " + type.getTypeName());
      }
    }

    /** A value whose type the record does not say: tagged, so it reads back as the same type. */
    private void any(Object value) throws IOException {
      if (value instanceof Integer i) {
        bytes.write(1);
        signed(i);
      } else if (value instanceof Long l) {
        bytes.write(2);
        signed(l);
      } else if (value instanceof kz.talap.source.Phrase phrase) {
        bytes.write(3);
        value(phrase, kz.talap.source.Phrase.class);
      } else if (value instanceof java.util.Map<?, ?> map) {
        bytes.write(4);
        value(map, java.util.Map.class);
      } else {
        bytes.write(0);
        string(String.valueOf(value));
      }
    }

    private void condition(Condition condition) {
      string(condition.source());
      string(condition.where());
      Integer known = checked.get(condition.source());
      if (known != null) {
        varint(known + 1L);
      } else {
        checked.put(condition.source(), checked.size());
        byte[] expression = condition.checkedExpression();
        varint(0);
        varint(expression.length);
        bytes.write(expression, 0, expression.length);
      }
      List<String> facts = new ArrayList<>(new TreeSet<>(condition.facts()));
      varint(facts.size());
      facts.forEach(this::string);
      varint(condition.integerLiterals().size());
      condition.integerLiterals().forEach(this::signed);
      varint(condition.stringLiterals().size());
      condition.stringLiterals().forEach(this::string);
    }
  }

  private static final class Reader {
    private final byte[] bytes;
    private int position;
    private final List<String> strings = new ArrayList<>();
    private final List<byte[]> checked = new ArrayList<>();
    private ConditionCompiler conditions;

    Reader(byte[] bytes) {
      this.bytes = bytes;
    }

    private int next() throws IOException {
      if (position >= bytes.length) {
        throw new IOException("truncated");
      }
      return bytes[position++] & 0xFF;
    }

    long varint() throws IOException {
      long value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        int b = next();
        value |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return value;
        }
      }
      throw new IOException("bad number");
    }

    long signed() throws IOException {
      long v = varint();
      return (v >>> 1) ^ -(v & 1);
    }

    /** A length or count: never more than the bytes left could hold. */
    int count() throws IOException {
      long n = varint();
      if (n < 0 || n > bytes.length - position) {
        throw new IOException("bad count");
      }
      return (int) n;
    }

    int integer() throws IOException {
      long n = signed();
      if (n != (int) n) {
        throw new IOException("bad integer");
      }
      return (int) n;
    }

    boolean bool() throws IOException {
      int b = next();
      if (b > 1) {
        throw new IOException("bad boolean");
      }
      return b == 1;
    }

    String string() throws IOException {
      long n = varint();
      if (n > 0) {
        if (n > strings.size()) {
          throw new IOException("bad string number");
        }
        return strings.get((int) n - 1);
      }
      int length = count();
      String text = new String(bytes, position, length, StandardCharsets.UTF_8);
      position += length;
      strings.add(text);
      return text;
    }

    Object value(Type type) throws IOException {
      Class<?> raw = raw(type);
      if (raw == String.class) {
        return string();
      } else if (raw == int.class || raw == Integer.class) {
        return integer();
      } else if (raw == long.class || raw == Long.class) {
        return signed();
      } else if (raw == boolean.class || raw == Boolean.class) {
        return bool();
      } else if (raw.isEnum()) {
        Object[] constants = raw.getEnumConstants();
        long ordinal = varint();
        if (ordinal >= constants.length) {
          throw new IOException("bad " + raw.getSimpleName());
        }
        return constants[(int) ordinal];
      } else if (raw == BigDecimal.class) {
        return new BigDecimal(string());
      } else if (raw == LocalDate.class) {
        return LocalDate.ofEpochDay(signed());
      } else if (raw == LocalTime.class) {
        return LocalTime.ofNanoOfDay(varint());
      } else if (raw == MonthDay.class) {
        return MonthDay.of(integer(), integer());
      } else if (raw == OptionalInt.class) {
        return bool() ? OptionalInt.of(integer()) : OptionalInt.empty();
      } else if (raw == Optional.class) {
        return bool() ? Optional.of(value(argument(type))) : Optional.empty();
      } else if (raw == List.class) {
        int size = count();
        Type element = argument(type);
        List<Object> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          list.add(value(element));
        }
        return list;
      } else if (raw == java.util.Map.class) {
        int size = count();
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
          String key = string();
          map.put(key, any());
        }
        return map;
      } else if (raw == Condition.class) {
        return condition();
      } else if (raw == Catalogue.Index.class) {
        return null;
      } else if (raw.isRecord()) {
        Shape shape = Shape.of(raw);
        Object[] components = new Object[shape.types().length];
        for (int i = 0; i < components.length; i++) {
          components[i] = value(shape.types()[i]);
        }
        try {
          return shape.constructor().newInstance(components);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
          throw new IOException("cannot make " + raw.getSimpleName(), e);
        }
      }
      throw new IOException("unsupported type " + type.getTypeName());
    }

    private Object any() throws IOException {
      int tag = next();
      return switch (tag) {
        case 0 -> string();
        case 1 -> integer();
        case 2 -> signed();
        case 3 -> value(kz.talap.source.Phrase.class);
        case 4 -> value(java.util.Map.class);
        default -> throw new IOException("bad value tag " + tag);
      };
    }

    private Condition condition() throws IOException {
      if (conditions == null) {
        throw new IOException("a condition before the facts");
      }
      String source = string();
      String where = string();
      long known = varint();
      byte[] expression;
      if (known > 0) {
        if (known > checked.size()) {
          throw new IOException("bad expression number");
        }
        expression = checked.get((int) known - 1);
      } else {
        int length = count();
        expression = java.util.Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        checked.add(expression);
      }
      Set<String> facts = new TreeSet<>();
      for (int n = count(), i = 0; i < n; i++) {
        facts.add(string());
      }
      Set<Long> integers = new TreeSet<>();
      for (int n = count(), i = 0; i < n; i++) {
        integers.add(signed());
      }
      Set<String> literals = new TreeSet<>();
      for (int n = count(), i = 0; i < n; i++) {
        literals.add(string());
      }
      return conditions.compiled(source, where, expression, facts, integers, literals);
    }
  }
}
