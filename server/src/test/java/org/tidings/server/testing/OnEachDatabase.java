package org.tidings.server.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one way a test class runs on both databases: every test of the class runs once on H2 and
 * once on PostgreSQL, which the class receives in a field
 * {@code @org.junit.jupiter.params.Parameter TestDatabase db}. A server or other costly fixture
 * the tests share is made once per database in a
 * {@code @BeforeParameterizedClassInvocation} method.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "on {0}")
@MethodSource("org.tidings.server.testing.TestDatabase#all")
public @interface OnEachDatabase {}
