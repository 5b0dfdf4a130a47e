package org.outpost.core.text;

import java.util.List;

/**
 * The raw blocks of one story of a page, before its header and noise are dealt with.
 *
 * @param blocks the story's blocks, without the line that closed it
 * @param attribution the publisher named by the line that closed the story; {@code null} when the story was
 *     not closed by one or the line names no publisher
 */
record StorySegment(List<Block> blocks, String attribution) {

    StorySegment {
        blocks = List.copyOf(blocks);
    }
}
