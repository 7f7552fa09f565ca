package org.cdrgen.generate;

import org.cdrgen.config.NetworkProfile;
import org.cdrgen.model.CellNetwork;
import org.cdrgen.model.RatType;

/** Lays out the synthetic radio network, sized from the population; a pure function of (seed, profile, size). */
public final class NetworkBuilder {
    private static final double KM_PER_DEGREE = 111.32;

    private NetworkBuilder() {
    }

    public static int siteCount(NetworkProfile network, long subscribers) {
        long sites = Math.max(network.minSites(), (subscribers + network.subscribersPerSite() - 1) / network.subscribersPerSite());
        return (int) Math.min(sites, CellNetwork.MAX_SITES);
    }

    public static CellNetwork build(long seed, NetworkProfile network, long subscribers) {
        int sites = siteCount(network, subscribers);
        int side = (int) Math.ceil(Math.sqrt(sites));
        double[] lat = new double[sites];
        double[] lon = new double[sites];
        int[] azimuth = new int[sites];
        byte[] layers = new byte[sites];
        double[] share = network.layerShare().toArray();
        double kmPerLonDegree = KM_PER_DEGREE * Math.cos(Math.toRadians(network.centerLatitude()));
        for (int s = 0; s < sites; s++) {
            long h = Seeds.hash(seed, s, 0, Seeds.Purpose.NETWORK);
            // Sites sit on a grid, each nudged by up to a third of the spacing so the map does not look ruled.
            double row = s / side + (Seeds.unit(h) - 0.5) * 0.66;
            double col = s % side + (Seeds.unit(Seeds.mix(h)) - 0.5) * 0.66;
            double northKm = (row - side / 2.0) * network.siteSpacingKm();
            double eastKm = (col - side / 2.0) * network.siteSpacingKm();
            lat[s] = network.centerLatitude() + northKm / KM_PER_DEGREE;
            lon[s] = network.centerLongitude() + eastKm / kmPerLonDegree;
            long hh = Seeds.hash(h, 1);
            azimuth[s] = (int) Long.remainderUnsigned(hh, 120);
            byte mask = 0;
            for (RatType rat : RatType.values()) {
                long hr = Seeds.hash(h, 100 + rat.ordinal());
                if (Seeds.unit(hr) < share[rat.ordinal()] || share[rat.ordinal()] >= 1) {
                    mask |= (byte) (1 << rat.ordinal());
                }
            }
            layers[s] = mask;
        }
        return new CellNetwork(side, lat, lon, azimuth, layers, network.sitesPerTrackingArea(), network.sitesPerMsc(),
                network.siteSpacingKm());
    }
}
