import type { DragEvent } from 'react';
import { POST_DRAG_TYPE } from './post-chip.tsx';

/** Handlers that make an element accept a dragged post chip: `onDrop` gets the post's id. */
export function dropTarget(onDrop: (postId: string) => void) {
  const accepts = (event: DragEvent) => event.dataTransfer.types.includes(POST_DRAG_TYPE);
  return {
    onDragOver(event: DragEvent<HTMLElement>) {
      if (!accepts(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      event.currentTarget.classList.add('drop-over');
    },
    onDragLeave(event: DragEvent<HTMLElement>) {
      event.currentTarget.classList.remove('drop-over');
    },
    onDrop(event: DragEvent<HTMLElement>) {
      event.currentTarget.classList.remove('drop-over');
      const postId = event.dataTransfer.getData(POST_DRAG_TYPE);
      if (!postId) return;
      event.preventDefault();
      onDrop(postId);
    },
  };
}
