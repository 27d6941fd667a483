package kz.talap.workbook;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import kz.talap.source.CellRef;

/**
 * The cells of one row as the streaming reader keeps them: the sheet's columns shared by every row, and one array of
 * values; each {@link RawCell} with its location is made when asked for. A row of twenty columns costs one array
 * instead of twenty cells, locations and map entries, which is what lets a national catalogue fit in a small heap.
 */
final class RowCells extends AbstractMap<String, RawCell> {
  /** The columns of a sheet, in header order: name and 0-based column index. */
  record Columns(String file, String sheet, List<String> names, int[] indexes, Map<String, Integer> positions) {}

  private final Columns columns;
  private final int row;
  private final String[] values;

  RowCells(Columns columns, int row, String[] values) {
    this.columns = columns;
    this.row = row;
    this.values = values;
  }

  @Override
  public RawCell get(Object name) {
    Integer position = columns.positions().get(name);
    return position == null ? null : cell(position);
  }

  @Override
  public boolean containsKey(Object name) {
    return columns.positions().containsKey(name);
  }

  @Override
  public int size() {
    return values.length;
  }

  private RawCell cell(int position) {
    return new RawCell(values[position],
        CellRef.cell(columns.file(), columns.sheet(), row, columns.indexes()[position]));
  }

  @Override
  public Set<Entry<String, RawCell>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, RawCell>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < values.length;
          }

          @Override
          public Entry<String, RawCell> next() {
            if (next >= values.length) {
              throw new NoSuchElementException();
            }
            int position = next++;
            return new SimpleImmutableEntry<>(columns.names().get(position), cell(position));
          }
        };
      }

      @Override
      public int size() {
        return values.length;
      }
    };
  }
}
