package org.tidings.extract;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/** Removes many elements at once, rebuilding each parent's child list once: one by one, each removal
 * re-indexes the siblings, quadratic on pages with thousands of them (hostile or generated markup). */
final class Removal {

    /** Up to this many removals per parent, one-by-one removal is cheaper than a rebuild. */
    private static final int REBUILD_ABOVE = 8;

    private Removal() {}

    static void removeAll(List<Element> doomed) {
        Map<Element, Set<Node>> byParent = new IdentityHashMap<>();
        for (Element e : doomed) {
            Element parent = e.parent();
            if (parent != null) byParent.computeIfAbsent(parent, p -> Collections.newSetFromMap(new IdentityHashMap<>())).add(e);
        }
        byParent.forEach((parent, gone) -> {
            if (gone.size() <= REBUILD_ABOVE) {
                gone.forEach(Node::remove);
                return;
            }
            List<Node> keep = parent.childNodes().stream().filter(child -> !gone.contains(child)).toList();
            parent.empty();
            parent.appendChildren(keep);
        });
    }
}
