package dev.backprop.playground.engine;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An enum constant with the lowercase name used on the command line and in files. */
public interface Named {

    String id();

    /** The constant whose id is {@code id}, or an error listing the choices. */
    static <E extends Enum<E> & Named> E fromId(Class<E> type, String id, String what) {
        E[] choices = type.getEnumConstants();
        for (E e : choices) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        String names = Arrays.stream(choices).map(Named::id).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("unknown " + what + " '" + id + "' (choose " + names + ")");
    }
}
