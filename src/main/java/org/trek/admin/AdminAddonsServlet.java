package org.trek.admin;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.trek.account.CurrentUser;
import org.trek.account.Role;
import org.trek.platform.AppConfig;
import org.trek.platform.addons.Addon;
import org.trek.platform.addons.AddonId;
import org.trek.platform.addons.AddonService;
import org.trek.platform.addons.SubSwitch;
import org.trek.platform.web.Views;

/**
 * Admin → Addons: switch optional features, and the parts of those that have some, on and off (each toggle is
 * audited). Switching off goes through a confirmation that says what it cuts (AddonImpact); switching on is direct.
 */
@WebServlet("/admin/addons")
@ServletSecurity(@HttpConstraint(rolesAllowed = Role.ADMIN_GROUP))
public class AdminAddonsServlet extends HttpServlet {

    @Inject
    AddonService addons;

    @Inject
    AddonSwitches switches;

    @Inject
    AppConfig config;

    @Inject
    AddonImpact impact;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String confirm = request.getParameter("confirm");
        if (confirm != null && !confirmation(request, confirm, request.getParameter("part"))) {
            Views.error(request, response, 400, "Unknown addon or part: nothing to switch off.");
            return;
        }
        request.setAttribute("addons", addons.list());
        java.util.Map<String, java.util.List<Part>> parts = new java.util.HashMap<>();
        for (AddonId a : AddonId.values()) {
            if (!a.subSwitches().isEmpty()) {
                parts.put(a.id(), a.subSwitches().stream().map(p -> new Part(p.key(), LABELS.getOrDefault(p.key(), p.key()),
                        addons.isPartOn(p))).toList());
            }
        }
        request.setAttribute("parts", parts);
        request.setAttribute("adminTab", "addons");
        Views.render(request, response, "admin/addons");
    }

    /**
     * The confirmation step before switching an addon or a part off (GET ?confirm=ID[&part=KEY], so it works without
     * JavaScript): what it cuts. False when the addon or part is unknown; nothing is shown for one already off.
     */
    private boolean confirmation(HttpServletRequest request, String addonId, String partKey) {
        java.util.Optional<AddonId> addon = AddonId.of(addonId);
        if (addon.isEmpty()) {
            return false;
        }
        SubSwitch part = null;
        if (partKey != null) {
            java.util.Optional<SubSwitch> sw = SubSwitch.of(addon.get(), partKey);
            if (sw.isEmpty()) {
                return false;
            }
            part = sw.get();
        }
        if (part == null ? !addons.isEnabled(addon.get()) : !addons.isPartOn(part)) {
            return true; // already off: the plain list, whose button now reads "Enable"
        }
        request.setAttribute("confirmAddon", addons.find(addonId).orElseThrow());
        if (part != null) {
            request.setAttribute("confirmPart", new Part(part.key(), LABELS.getOrDefault(part.key(), part.key()), true));
        }
        if (addon.get() == AddonId.MCP) {
            request.setAttribute("mcpCut", impact.mcp());
        } else {
            request.setAttribute("gone", impact.gone(addon.get(), part));
        }
        return true;
    }

    /** A part of an addon as the screen lists it (JSP reads the accessors). */
    public record Part(String key, String label, boolean enabled) {
        public String getKey() {
            return key;
        }

        public String getLabel() {
            return label;
        }

        public boolean isEnabled() {
            return enabled;
        }
    }

    private static final java.util.Map<String, String> LABELS = java.util.Map.of("notes", "Notes", "polls", "Polls",
            "chat", "Chat", "whatsnext", "What's next");

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("addon");
        boolean enabled = "true".equals(request.getParameter("enabled"));
        String part = request.getParameter("part");
        if (part != null) {
            if (id == null || !switches.setPart(CurrentUser.actor(request, config.trustedProxies()), id, part, enabled)) {
                Views.redirectWithMessage(request, response, "/admin/addons", "Unknown addon part.", true);
                return;
            }
            String name = addons.find(id).map(Addon::getName).orElse(id);
            Views.redirectWithMessage(request, response, "/admin/addons",
                    name + ": " + LABELS.getOrDefault(part, part) + (enabled ? " switched on." : " switched off."), false);
            return;
        }
        if (id == null || !switches.setEnabled(CurrentUser.actor(request, config.trustedProxies()), id, enabled)) {
            Views.redirectWithMessage(request, response, "/admin/addons", "Unknown addon.", true);
            return;
        }
        String name = addons.find(id).map(Addon::getName).orElse(id);
        Views.redirectWithMessage(request, response, "/admin/addons",
                name + (enabled ? " enabled." : " disabled."), false);
    }
}
