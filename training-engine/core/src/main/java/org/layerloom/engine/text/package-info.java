/**
 * How numbers are written for people, the same in the app, the command line and the coach's advice
 * ({@link org.layerloom.engine.text.Numbers}).
 */
package org.layerloom.engine.text;
