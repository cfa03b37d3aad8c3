/**
 * The open project and what is done with it as a whole: {@link org.layerloom.editor.session.ProjectSession}.
 */
package org.layerloom.editor.session;
