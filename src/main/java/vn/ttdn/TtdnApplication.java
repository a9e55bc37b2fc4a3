package vn.ttdn;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Quản lý hoạt động thông tin đối ngoại: the application. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TtdnApplication {

	public static void main(String[] args) {
		SpringApplication.run(TtdnApplication.class, args);
	}
}
