package io.github.nst4j.weights.torch;

import static io.github.nst4j.weights.torch.PickledValues.asString;
import static io.github.nst4j.weights.torch.PickledValues.malformed;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pickle reader for the opcodes that {@code torch.save} writes, and no more: it builds strings,
 * numbers, tuples (unmodifiable lists), lists, dicts and the values of {@link PickleGlobal}s, and
 * refuses any other global or opcode with a sentence naming it. It never resolves a name to code,
 * so a hostile pickle is refused before anything it names could run.
 *
 * <p>Values: None is {@code null}, integers are {@code Long} (a {@code BigInteger} beyond 64 bits,
 * as the legacy format's magic number), floats {@code Double}, tuples unmodifiable {@code List}s,
 * lists {@code ArrayList}s and dicts {@code LinkedHashMap}s.
 */
final class RestrictedUnpickler {
    /** Resolves a persistent id (BINPERSID), which is how PyTorch refers to storages outside the pickle. */
    @FunctionalInterface
    interface PersistentLoader {
        Object load(Object id) throws TorchFormatException;
    }

    // Keys and storage names are short; a longer string means a damaged or hostile file.
    private static final int MAX_STRING = 1 << 20;
    private static final int MAX_LINE = 512;

    private final InputStream in;
    private final PersistentLoader persistentLoader;
    private final List<Object> stack = new ArrayList<>();
    private final Deque<Integer> marks = new ArrayDeque<>();
    private final Map<Long, Object> memo = new HashMap<>();

    RestrictedUnpickler(InputStream in, PersistentLoader persistentLoader) {
        this.in = in;
        this.persistentLoader = persistentLoader;
    }

    /**
     * Reads one pickle, up to and including its STOP opcode, and returns its value.
     *
     * @throws TorchFormatException for a refused, malformed or truncated pickle
     * @throws IOException if the stream cannot be read
     */
    Object load() throws TorchFormatException, IOException {
        stack.clear();
        marks.clear();
        memo.clear();
        while (true) {
            int opcode = readByte();
            switch (opcode) {
                case 0x80 -> { // PROTO
                    int protocol = readByte();
                    if (protocol > 5) {
                        throw malformed("pickle protocol " + protocol);
                    }
                }
                case 0x95 -> readBytes(8); // FRAME: a length hint for buffering, not needed here
                case '.' -> { // STOP
                    return pop();
                }
                case '(' -> marks.push(stack.size()); // MARK
                case 'N' -> stack.add(null); // NONE
                case 0x88 -> stack.add(Boolean.TRUE); // NEWTRUE
                case 0x89 -> stack.add(Boolean.FALSE); // NEWFALSE
                case 'K' -> stack.add((long) readByte()); // BININT1
                case 'M' -> stack.add((long) (readByte() | readByte() << 8)); // BININT2
                case 'J' -> stack.add((long) little(readBytes(4)).getInt()); // BININT
                case 0x8a -> stack.add(readLong1()); // LONG1
                case 'G' -> stack.add(ByteBuffer.wrap(readBytes(8)).getDouble()); // BINFLOAT, big-endian
                case 'X' -> stack.add(readString(little(readBytes(4)).getInt() & 0xffffffffL)); // BINUNICODE
                case 0x8c -> stack.add(readString(readByte())); // SHORT_BINUNICODE
                case 0x8d -> stack.add(readString(little(readBytes(8)).getLong())); // BINUNICODE8
                // Python 2's str, in checkpoints saved from Python 2: torch.load decodes it as UTF-8 too.
                case 'T' -> stack.add(readString(little(readBytes(4)).getInt())); // BINSTRING
                case 'U' -> stack.add(readString(readByte())); // SHORT_BINSTRING
                case ')' -> stack.add(List.of()); // EMPTY_TUPLE
                case 0x85 -> stack.add(tuple(pop(1))); // TUPLE1
                case 0x86 -> stack.add(tuple(pop(2))); // TUPLE2
                case 0x87 -> stack.add(tuple(pop(3))); // TUPLE3
                case 't' -> stack.add(tuple(popMark())); // TUPLE
                case ']' -> stack.add(new ArrayList<>()); // EMPTY_LIST
                case '}' -> stack.add(new LinkedHashMap<>()); // EMPTY_DICT
                case 'a' -> { // APPEND
                    Object item = pop();
                    list(peek()).add(item);
                }
                case 'e' -> { // APPENDS
                    List<Object> items = popMark();
                    list(peek()).addAll(items);
                }
                case 's' -> { // SETITEM
                    Object value = pop();
                    Object key = key(pop());
                    dict(peek()).put(key, value);
                }
                case 'u' -> { // SETITEMS
                    List<Object> items = popMark();
                    Map<Object, Object> dict = dict(peek());
                    for (int i = 0; i + 1 < items.size(); i += 2) {
                        dict.put(key(items.get(i)), items.get(i + 1));
                    }
                }
                case 'q' -> memo.put((long) readByte(), peek()); // BINPUT
                case 'r' -> memo.put(little(readBytes(4)).getInt() & 0xffffffffL, peek()); // LONG_BINPUT
                case 0x94 -> memo.put((long) memo.size(), peek()); // MEMOIZE
                case 'h' -> stack.add(memoized(readByte())); // BINGET
                case 'j' -> stack.add(memoized(little(readBytes(4)).getInt() & 0xffffffffL)); // LONG_BINGET
                case 'c' -> stack.add(PickleGlobal.resolve(readLine(), readLine())); // GLOBAL
                case 0x93 -> { // STACK_GLOBAL
                    String name = asString(pop(), "a global's name");
                    stack.add(PickleGlobal.resolve(asString(pop(), "a global's module"), name));
                }
                case 'R' -> { // REDUCE
                    Object args = pop();
                    Object callable = pop();
                    if (!(callable instanceof PickleGlobal global) || !(args instanceof List<?> tuple)) {
                        throw malformed("it calls " + PickledValues.describe(callable));
                    }
                    stack.add(global.call(tuple));
                }
                case 'b' -> { // BUILD
                    pop();
                    // The state of an OrderedDict is its attributes: state_dict()'s _metadata (module
                    // versions), which does not affect the tensors. Nothing else here takes state.
                    if (!(peek() instanceof Map)) {
                        throw malformed("it sets the state of " + PickledValues.describe(peek()));
                    }
                }
                case 'Q' -> stack.add(persistentLoader.load(pop())); // BINPERSID
                default -> throw new TorchFormatException("its pickle uses opcode " + opcodeName(opcode)
                        + ", which a PyTorch state dict never contains; nst4j reads only tensors and never"
                        + " runs pickled code");
            }
        }
    }

    private int readByte() throws IOException, TorchFormatException {
        int value = in.read();
        if (value < 0) {
            throw truncated();
        }
        return value;
    }

    private byte[] readBytes(long count) throws IOException, TorchFormatException {
        if (count < 0 || count > MAX_STRING) {
            throw malformed("a string of " + count + " bytes");
        }
        byte[] bytes = in.readNBytes((int) count);
        if (bytes.length < count) {
            throw truncated();
        }
        return bytes;
    }

    private String readString(long length) throws IOException, TorchFormatException {
        return new String(readBytes(length), StandardCharsets.UTF_8);
    }

    /** A GLOBAL operand: text up to a newline, made printable for messages. */
    private String readLine() throws IOException, TorchFormatException {
        StringBuilder line = new StringBuilder();
        for (int c = readByte(); c != '\n'; c = readByte()) {
            if (line.length() == MAX_LINE) {
                throw malformed("a global's name is longer than " + MAX_LINE + " characters");
            }
            line.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
        }
        return line.toString();
    }

    /** A little-endian two's complement integer of a length given by one byte. */
    private Object readLong1() throws IOException, TorchFormatException {
        byte[] bytes = readBytes(readByte());
        byte[] bigEndian = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            bigEndian[i] = bytes[bytes.length - 1 - i];
        }
        BigInteger value = bytes.length == 0 ? BigInteger.ZERO : new BigInteger(bigEndian);
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private static TorchFormatException truncated() {
        return new TorchFormatException("its pickle ends early: the file is truncated; download it or save it again");
    }

    private static ByteBuffer little(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private Object memoized(long index) throws TorchFormatException {
        if (!memo.containsKey(index)) {
            throw malformed("it refers to memo entry " + index + ", which was never stored");
        }
        return memo.get(index);
    }

    private Object peek() throws TorchFormatException {
        if (stack.isEmpty() || (!marks.isEmpty() && marks.peek() == stack.size())) {
            throw malformed("its stack runs empty");
        }
        return stack.get(stack.size() - 1);
    }

    private Object pop() throws TorchFormatException {
        Object top = peek();
        stack.remove(stack.size() - 1);
        return top;
    }

    private List<Object> pop(int count) throws TorchFormatException {
        Object[] items = new Object[count];
        for (int i = count - 1; i >= 0; i--) {
            items[i] = pop();
        }
        return Arrays.asList(items);
    }

    private List<Object> popMark() throws TorchFormatException {
        if (marks.isEmpty()) {
            throw malformed("it closes a mark it never opened");
        }
        List<Object> top = stack.subList(marks.pop(), stack.size());
        List<Object> items = new ArrayList<>(top);
        top.clear();
        return items;
    }

    private static List<Object> tuple(List<Object> items) {
        return Collections.unmodifiableList(new ArrayList<>(items));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) throws TorchFormatException {
        if (value instanceof ArrayList<?> list) {
            return (List<Object>) list;
        }
        throw malformed("it appends to " + PickledValues.describe(value));
    }

    /**
     * A dict key: a string or number, as in every state dict. Containers are refused: Python cannot
     * hash them, and hashing one that contains itself (a pickle can build that) would never end.
     */
    private static Object key(Object key) throws TorchFormatException {
        if (key instanceof String || key instanceof Long || key instanceof Boolean || key instanceof Double
                || key instanceof BigInteger || key == null) {
            return key;
        }
        throw malformed("a dict key is " + PickledValues.describe(key));
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> dict(Object value) throws TorchFormatException {
        if (value instanceof Map<?, ?> map) {
            return (Map<Object, Object>) map;
        }
        throw malformed("it sets an item of " + PickledValues.describe(value));
    }

    private static String opcodeName(int opcode) {
        return String.format("0x%02x", opcode) + (opcode >= 0x21 && opcode < 0x7f ? " ('" + (char) opcode + "')" : "");
    }
}
