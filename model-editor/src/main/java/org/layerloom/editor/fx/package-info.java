/**
 * Background work for the views of the editor and the app: {@link org.layerloom.editor.fx.LatestResult} runs
 * work on an executor and publishes only the latest request's outcome through the JavaFX executor. It lives in
 * the editor because the editor's file actions use it and the editor must not depend on the app.
 */
package org.layerloom.editor.fx;
