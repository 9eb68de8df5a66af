package org.tidings.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Removes many elements at once. Removing children one by one costs a re-index of the siblings
 * each time, quadratic on pages with thousands of siblings (hostile or generated markup); here
 * each parent's child list is rebuilt once.
 */
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
        for (Map.Entry<Element, Set<Node>> entry : byParent.entrySet()) {
            Element parent = entry.getKey();
            Set<Node> gone = entry.getValue();
            if (gone.size() <= REBUILD_ABOVE) {
                for (Node n : gone) n.remove();
                continue;
            }
            List<Node> keep = new ArrayList<>(parent.childNodeSize() - gone.size());
            for (Node child : parent.childNodes()) if (!gone.contains(child)) keep.add(child);
            parent.empty();
            parent.appendChildren(keep);
        }
    }
}
