package org.trek.integrations;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trek.platform.auth.Scope;
import org.trek.platform.auth.ScopeCatalog;
import org.trek.platform.auth.ScopeGroup;

/**
 * The grouped scope picker of the New Client form. It works without JavaScript: a ticked group checkbox or
 * "Select all" selects the group's (or every) scope on the server; the script only mirrors that in the boxes.
 */
public final class ScopePicker {
    private ScopePicker() {
    }

    /** The chosen scopes in catalogue order: ticked scopes, plus every scope of a ticked group, or all. */
    public static List<String> selected(String[] scopes, String[] groups, boolean all) {
        Set<String> chosen = new LinkedHashSet<>();
        if (scopes != null) {
            chosen.addAll(List.of(scopes));
        }
        Set<String> groupKeys = groups == null ? Set.of() : Set.of(groups);
        List<String> out = new ArrayList<>();
        for (Scope s : ScopeCatalog.all()) {
            if (all || chosen.remove(s.name()) || groupKeys.contains(s.group())) {
                out.add(s.name());
            }
        }
        out.addAll(chosen); // unknown names go to the service, which names them in its error
        return out;
    }

    /** Groups with their scopes and tick state, as maps (JSP EL cannot read records). */
    public static List<Map<String, Object>> view(Collection<String> selected) {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (ScopeGroup g : ScopeCatalog.groups()) {
            List<Map<String, Object>> scopes = new ArrayList<>();
            int checked = 0;
            for (Scope s : g.scopes()) {
                boolean on = selected.contains(s.name());
                checked += on ? 1 : 0;
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", s.name());
                m.put("label", s.label());
                m.put("description", s.description());
                m.put("verb", s.verb());
                m.put("checked", on);
                scopes.add(m);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", g.key());
            m.put("label", g.label());
            m.put("scopes", scopes);
            m.put("checked", checked);
            m.put("total", scopes.size());
            m.put("all", checked == scopes.size());
            groups.add(m);
        }
        return groups;
    }
}
