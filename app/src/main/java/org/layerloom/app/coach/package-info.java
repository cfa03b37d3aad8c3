/**
 * The coach panel: advice cards from the training coach (loss, overfitting, chance, speed) and the health
 * coach (gradients, dead and saturated units, step sizes), each with its reason, what to try and an Apply
 * button per action that is a setting change or a graph edit; one card per setting, cards the coach withdraws
 * (followed, replaced, moot) go away, and cards can be dismissed.
 */
package org.layerloom.app.coach;
