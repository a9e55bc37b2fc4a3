package vn.ttdn.demo;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.ttdn.reporting.ReportingDemo;
import vn.ttdn.shared.TtdnProperties;

/** The reporting periods of 2025 and 2026 in the three jurisdictions of the seeds, with a mix of unit reports. Loaded once. */
@Component
@Order(12)
class DemoReportingLoader implements ApplicationRunner {

	static final String DATASET = "reporting-2026-11";

	private final TtdnProperties properties;
	private final DemoDatasets datasets;
	private final ReportingDemo reporting;

	DemoReportingLoader(TtdnProperties properties, DemoDatasets datasets, ReportingDemo reporting) {
		this.properties = properties;
		this.datasets = datasets;
		this.reporting = reporting;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (properties.demo().enabled()) {
			datasets.loadOnce(DATASET, () -> reporting.load(List.of("01", "35", "74"), List.of(2025, 2026)));
		}
	}
}
