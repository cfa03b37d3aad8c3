/**
 * The look the student chose, as a plain value ({@link org.layerloom.engine.look.Theme}) that the editor and
 * the app share; how each look is painted lives with the views.
 */
package org.layerloom.engine.look;
