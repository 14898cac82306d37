package dev.todoai.adapter.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The message for a member of the wrong JSON type, where the default for the component's Java type
 * would not help ({@code element} for the members of an array of objects).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER})
public @interface WrongType {
  String value();

  String element() default "";
}
