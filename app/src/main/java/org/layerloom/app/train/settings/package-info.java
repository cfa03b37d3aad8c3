/**
 * The Train area's training settings panel: the settings' fields, their ControlsFX property sheets and the
 * schedule's preview.
 */
package org.layerloom.app.train.settings;
