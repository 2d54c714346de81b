package io.github.jfreeze.codec.values;

/**
 * A tensor value cannot be made as asked: a literal that does not parse or does not fit its dtype
 * or shape, or a dtype that has no text or random form. The message says what is wrong; callers
 * add which value it was (the runtime bridge names the feed).
 */
public final class BadValueException extends Exception {
  private static final long serialVersionUID = 1L;

  BadValueException(String message) {
    super(message);
  }
}
