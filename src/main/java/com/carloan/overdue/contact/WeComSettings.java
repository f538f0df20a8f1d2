package com.carloan.overdue.contact;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code collections.wecom.*}: the company's WeCom callback settings (企业微信 接收事件服务器): corp id,
 * token and EncodingAESKey as configured in the WeCom admin console, and how far a callback's
 * timestamp may be from now.
 */
@Validated
@ConfigurationProperties("collections.wecom")
record WeComSettings(
    @NotBlank String corpId,
    @NotBlank String token,
    @NotBlank String encodingAesKey,
    @NotNull @DefaultValue("PT5M") Duration callbackTolerance) {}
