package io.github.nst4j.error;

/**
 * A setting of a style transfer that cannot work: out of range, inconsistent with another setting,
 * or too small or large for the images or the machine. {@link #setting()} names it as the builder
 * method that sets it (for example {@code "size"} or {@code "contentWeight"}), so that a front end
 * can speak of its own option instead.
 */
public class InvalidSettingException extends NstException {
    private final String setting;

    /**
     * @param setting the builder method of the setting at fault
     * @param message one line naming the problem and the fix
     */
    public InvalidSettingException(String setting, String message) {
        super(message);
        this.setting = setting;
    }

    /** The builder method that sets the value at fault, e.g. {@code "size"}. */
    public String setting() {
        return setting;
    }

    /** Throws an {@code InvalidSettingException} about {@code setting} unless {@code condition} holds. */
    public static void require(boolean condition, String setting, String message) {
        if (!condition) {
            throw new InvalidSettingException(setting, message);
        }
    }
}
