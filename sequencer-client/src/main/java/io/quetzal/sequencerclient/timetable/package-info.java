/**
 * The sequencer's slot timetable: per-state deadlines in seconds into the slot and the cutting of a
 * slot into block sub-slots, as the official node computes them.
 */
package io.quetzal.sequencerclient.timetable;
