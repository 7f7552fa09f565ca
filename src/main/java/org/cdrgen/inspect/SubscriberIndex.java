package org.cdrgen.inspect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dense ids 0, 1, 2, ... for served IMSIs, so per-subscriber statistics live in primitive arrays. Each IMSI
 * string is kept once; rows usually come in runs of one subscriber, so the last lookup is cached.
 */
final class SubscriberIndex {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> imsis = new ArrayList<>();
    private String lastImsi;
    private int lastId = -1;

    int idOf(String imsi) {
        if (imsi.equals(lastImsi)) {
            return lastId;
        }
        Integer id = ids.get(imsi);
        if (id == null) {
            id = imsis.size();
            ids.put(imsi, id);
            imsis.add(imsi);
        }
        lastImsi = imsis.get(id);
        lastId = id;
        return id;
    }

    int size() {
        return imsis.size();
    }

    String imsi(int id) {
        return imsis.get(id);
    }
}
