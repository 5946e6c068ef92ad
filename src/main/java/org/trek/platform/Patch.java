package org.trek.platform;

import java.util.function.Consumer;

/**
 * One value of an update where "omitted stays, null clears": keep it, clear it, or set it. Services take these
 * instead of a set of field names to clear, so no service spells a caller's field names.
 *
 * @param <T> the value's type
 */
public final class Patch<T> {
    private static final Patch<?> KEEP = new Patch<>(false, null);
    private static final Patch<?> CLEAR = new Patch<>(true, null);

    private final boolean given;
    private final T value;

    private Patch(boolean given, T value) {
        this.given = given;
        this.value = value;
    }

    /** Leave the value as it is. */
    @SuppressWarnings("unchecked")
    public static <T> Patch<T> keep() {
        return (Patch<T>) KEEP;
    }

    /** Set the value; null clears it. */
    @SuppressWarnings("unchecked")
    public static <T> Patch<T> to(T value) {
        return value == null ? (Patch<T>) CLEAR : new Patch<>(true, value);
    }

    /** Set the value when there is one, keep it otherwise (creating: nothing to clear). */
    public static <T> Patch<T> ifPresent(T value) {
        return value == null ? keep() : to(value);
    }

    /** Whether the value changes (set or cleared). */
    public boolean given() {
        return given;
    }

    /** The new value; null when kept or cleared. */
    public T value() {
        return value;
    }

    /** Hands the new value (null when cleared) to {@code setter}, unless the value is kept. */
    public void ifGiven(Consumer<? super T> setter) {
        if (given) {
            setter.accept(value);
        }
    }
}
