package org.cdrgen.generate;

import java.util.Arrays;
import java.util.Comparator;
import org.cdrgen.config.NetworkProfile;
import org.cdrgen.model.CellNetwork;
import org.cdrgen.model.RatType;

/**
 * Lays out the synthetic radio network over the country, sized from the population; a pure function of
 * (seed, profile, size). The centre of every settlement gets a site first, largest first, as long as there are
 * sites; the rest are drawn where people are (see {@link Country#site}). Sites are then numbered along a
 * Hilbert curve over the map, so that tracking areas and MSC areas, which are ranges of site ids, are patches.
 */
public final class NetworkBuilder {
    private NetworkBuilder() {
    }

    public static int siteCount(NetworkProfile network, long subscribers) {
        long sites = Math.max(network.minSites(), (subscribers + network.subscribersPerSite() - 1) / network.subscribersPerSite());
        return (int) Math.min(sites, CellNetwork.MAX_SITES);
    }

    public static CellNetwork build(long seed, NetworkProfile network, Country country, long subscribers) {
        int sites = siteCount(network, subscribers);
        double[] px = new double[sites];
        double[] py = new double[sites];
        Integer[] bySize = new Integer[country.settlements()];
        for (int i = 0; i < bySize.length; i++) {
            bySize[i] = i;
        }
        Arrays.sort(bySize, Comparator.comparingDouble((Integer i) -> -country.scaleKm(i)).thenComparingInt(i -> i));
        double[] at = new double[2];
        for (int s = 0; s < sites; s++) {
            if (s < bySize.length) {
                px[s] = country.centerX(bySize[s]);
                py[s] = country.centerY(bySize[s]);
            } else {
                country.site(Seeds.hash(seed, s, 1, Seeds.Purpose.NETWORK), network.coverageSiteShare(), at);
                px[s] = at[0];
                py[s] = at[1];
            }
        }
        double minX = Arrays.stream(px).min().orElse(0);
        double minY = Arrays.stream(py).min().orElse(0);
        double side = Math.max(1e-9, Math.max(Arrays.stream(px).max().orElse(0) - minX, Arrays.stream(py).max().orElse(0) - minY));
        // Hilbert index (32 bits) then the draw's number (20 bits, sites <= 2^20): one primitive sort.
        long[] keyed = new long[sites];
        for (int s = 0; s < sites; s++) {
            keyed[s] = Country.hilbertIndex(px[s], py[s], minX, minY, side) << 20 | s;
        }
        Arrays.sort(keyed);
        int[] order = new int[sites];
        for (int s = 0; s < sites; s++) {
            order[s] = (int) (keyed[s] & ((1 << 20) - 1));
        }
        double[] x = new double[sites];
        double[] y = new double[sites];
        double[] lat = new double[sites];
        double[] lon = new double[sites];
        int[] azimuth = new int[sites];
        byte[] layers = new byte[sites];
        double[] share = network.layerShare().toArray();
        for (int s = 0; s < sites; s++) {
            x[s] = px[order[s]];
            y[s] = py[order[s]];
            lat[s] = country.latitude(y[s]);
            lon[s] = country.longitude(x[s]);
            long h = Seeds.hash(seed, s, 0, Seeds.Purpose.NETWORK);
            azimuth[s] = (int) Long.remainderUnsigned(Seeds.hash(h, 1), 120);
            byte mask = 0;
            for (RatType rat : RatType.values()) {
                long hr = Seeds.hash(h, 100 + rat.ordinal());
                if (Seeds.unit(hr) < share[rat.ordinal()] || share[rat.ordinal()] >= 1) {
                    mask |= (byte) (1 << rat.ordinal());
                }
            }
            layers[s] = mask;
        }
        return new CellNetwork(x, y, lat, lon, azimuth, layers, network.sitesPerTrackingArea(), network.sitesPerMsc());
    }
}
