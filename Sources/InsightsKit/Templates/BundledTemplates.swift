// Generated from Templates/ by Scripts/generate-templates. Do not edit by hand.

extension TemplateCatalog {
    /// The templates shipped with `insights`: file name without `.md`, and the file's text.
    static let bundledSources: [(name: String, text: String)] = [
        ("agent-enhancer", #"""
---
agent: agent-enhancer
section: Agent Enhancer
limit: 150
---
# Section

## Agent Enhancer

### Key Insights
- **[Topic]**: [What was learned] - Evidence: [Data or source]

### Decisions
- **[Decision]**: [Choice made] - Rationale: [Why]

### Next Steps
- [Follow-up for the next session]

Last updated: [Date]

# Session Summary

**Summary**: [What was done this session]
**Key Decision**: [Most important choice and why]
**Next Steps**: [What the next session should pick up]

"""#),
        ("ai-engineer", #"""
---
agent: ai-engineer
section: AI/ML Architecture
limit: 150
---
# Section

## AI/ML Architecture

### Current Implementations
- **[Feature]**: [Model/Service] - [Key metric] - [Cost/performance note]

### Key Technical Decisions
- **[Decision]**: [Choice made] - Rationale: [Why]
- **Performance**: [Latency/accuracy achieved] - Target: [Goal]

### Lessons Learned
- **What works**: [Successful patterns]
- **What to avoid**: [Failed approaches]
- **Next priorities**: [Optimization opportunities]

Last updated: [Date]

# Session Summary

**AI Implementation**: [Specific feature implemented with tech stack]
**Key Technical Decision**: [Most important choice made and why]
**Performance Achieved**: [Actual metrics vs targets]
**Integration Pattern**: [Architecture approach that worked]
**Monitoring Setup**: [How we'll track this in production]
**Next Steps**: [Specific follow-up actions identified]
**Handoffs Needed**: [Specific requests for other agents with context]

"""#),
        ("analytics-reporter", #"""
---
agent: analytics-reporter
section: Analytics & Data Intelligence
limit: 150
---
# Section

## Analytics & Data Intelligence

### Infrastructure & Tools
- **Analytics Stack**: [Current tools and configuration] - [Performance and limitations]
- **Data Pipeline**: [ETL processes and reliability] - [Processing speed and accuracy]
- **Reporting Systems**: [Dashboard and alert setup] - [User adoption and effectiveness]

### Key Performance Insights
- **User Behavior Patterns**: [Consistent usage trends] - [Implications for product strategy]
- **Conversion Optimization**: [Funnel analysis findings] - [Actionable improvement areas]
- **Revenue Intelligence**: [Monetization insights] - [Growth opportunities identified]
- **Technical Performance**: [System metrics correlation] - [Infrastructure optimization needs]

### Predictive Models & Forecasts
- **Growth Projections**: [Current model accuracy] - [Key assumptions and variables]
- **User Lifetime Value**: [LTV calculations by segment] - [Optimization strategies]
- **Churn Prediction**: [Model performance] - [Early warning indicators]

### Data Quality & Governance
- **Data Integrity**: [Quality monitoring results] - [Issues found and resolved]
- **Privacy Compliance**: [GDPR/CCPA implementation] - [Audit findings]
- **Access Control**: [User permissions and security] - [Policy adherence]

### Strategic Recommendations
- **High-Impact Optimizations**: [Opportunities ranked by potential] - [Implementation complexity]
- **Investment Priorities**: [Analytics tool and infrastructure needs] - [ROI projections]
- **Experiment Opportunities**: [A/B test recommendations] - [Success probability estimates]

### Cross-Team Intelligence
- **Engineering Insights**: [Performance bottlenecks] - [Development priorities]
- **Product Insights**: [Feature usage patterns] - [User journey optimization]
- **Marketing Insights**: [Channel performance] - [Attribution modeling findings]
- **Finance Insights**: [Unit economics] - [Cost optimization opportunities]

### Alert & Monitoring Systems
- **Critical Metrics**: [KPIs tracked with thresholds] - [Alert configuration]
- **Anomaly Detection**: [Unusual pattern identification] - [Investigation protocols]
- **Health Dashboards**: [System status monitoring] - [Response procedures]

Last updated: [Date]

# Session Summary

**Analytics Work**: [What analysis or infrastructure improvements were accomplished]
**Key Insight**: [Most important discovery about user behavior, performance, or opportunities]
**Technical Achievement**: [Infrastructure or tooling advancement made]
**Strategic Impact**: [How findings influence product or business strategy]
**Data Pattern**: [New trend or correlation identified]
**Optimization Opportunity**: [Highest-impact improvement area identified]
**Next Analysis**: [Follow-up investigation or report needed]
**Collaboration**: [finance-tracker for revenue analysis, growth-hacker for acquisition optimization, performance-benchmarker for technical metrics, support-responder for user experience insights]
**Memory Updates**: Updated analytics intelligence in insights.md, technical details in technical-architecture.md, and metrics in performance-data.md

"""#),
        ("api-tester", #"""
---
agent: api-tester
section: API Testing Intelligence
limit: 150
---
# Section

## API Testing Intelligence

### Current Test Implementations
- **Performance Testing**: [Tool/approach used] - [Throughput achieved] - [Response time p95]
- **Load Testing**: [Tool/approach used] - [Breaking point found] - [Recovery behavior]
- **Contract Testing**: [Tool/approach used] - [Compliance rate] - [Integration success]

### Key Technical Decisions
- **Testing Strategy**: [Approach chosen] - Rationale: [Why this testing methodology]
- **Performance Thresholds**: [Targets set] - Target: [SLA requirements met]
- **Tool Selection**: [Testing tools chosen] - Dependencies: [Infrastructure requirements]

### Lessons Learned
- **What works**: [Successful testing patterns and effective tools]
- **What to avoid**: [Failed testing approaches and unreliable tools]
- **Optimization opportunities**: [Performance improvements identified]
- **Scaling considerations**: [Load testing insights for future growth]

### Collaboration Patterns
- **Works well with**: [performance-benchmarker for deep optimization, devops-automator for CI/CD integration]
- **Handoff requirements**: [What other agents need from API test results]

Last updated: [Date]

# Session Summary

**API Testing Implementation**: [Specific testing approach/tools implemented]
**Key Technical Decision**: [Most critical testing choice made and reasoning]
**Performance Achieved**: [Actual metrics vs targets with context]
**Testing Architecture Impact**: [How this affects overall quality assurance]
**Integration Points**: [Dependencies and connections with CI/CD pipeline]
**Monitoring/Validation**: [How test effectiveness will be measured ongoing]
**Knowledge Captured**: [What future API testing can reference]
**Collaboration Needs**: [Specific handoffs to other agents with context]

"""#),
        ("app-store-optimizer", #"""
---
agent: app-store-optimizer
section: App Store Intelligence
limit: 150
---
# Section

## App Store Intelligence

### Keyword Performance
- **High Performers**: [Top ranking keywords] - Rankings: [Position + difficulty]
- **Opportunities**: [Underperforming keywords] - Strategy: [Optimization approach]
- **Seasonal Trends**: [Time-based keywords] - Planning: [When to target]

### Conversion Optimization
- **A/B Test Winners**: [Element tested] - Impact: [Conversion improvement %]
- **Visual Assets**: [Icon/screenshot changes] - Result: [Download rate change]
- **Metadata Changes**: [Title/description updates] - Performance: [Click-through rates]

### Platform-Specific Insights
- **iOS Strategy**: [App Store tactics] - Results: [Visibility metrics]
- **Android Strategy**: [Google Play tactics] - Results: [Discovery performance]
- **Cross-platform**: [Universal approaches] - Effectiveness: [Comparative data]

### Decision Framework
- **Optimization Priority**: [Current focus area] - Rationale: [Why this over alternatives]
- **Testing Queue**: [Planned experiments] - Expected Impact: [Hypothesis + timeline]
- **Competitive Intelligence**: [Competitor insights] - Application: [How to leverage]

### Performance Patterns
- **Review Triggers**: [What drives ratings] - Management: [Response strategies]
- **Seasonal Cycles**: [Predictable patterns] - Preparation: [Optimization calendar]
- **User Feedback**: [Common themes] - Action: [Product/ASO improvements]

### Avoid
- **Failed Tests**: [What didn't work] - Analysis: [Why it failed]
- **Penalty Risks**: [Risky tactics to avoid] - Safe Alternatives: [Better approaches]

Last updated: [Date]

# Session Summary

**Key Insight**: [What you discovered about this app's store visibility challenges and opportunities]
**Pattern**: [ASO strategy or optimization technique that delivered strongest results]
**Recommendation**: [Next ASO priority for improved organic discovery and conversion]
**Collaboration**: [ui-designer for visual assets, content-creator for metadata copy, growth-hacker for conversion optimization, performance-benchmarker for A/B testing]

"""#),
        ("backend-architect", #"""
---
agent: backend-architect
section: System Architecture
limit: 150
---
# Section

## System Architecture

### Current Implementations
- **[API/Service]**: [Technology/Pattern] - [Performance metric] - [Scaling consideration]

### Key Technical Decisions
- **Database Choice**: [Choice made] - Rationale: [Why this approach]
- **API Pattern**: [REST/GraphQL/etc.] - Performance: [Metrics achieved]
- **Caching Strategy**: [Approach] - Hit rate: [%] - Performance gain: [Details]
- **Authentication**: [Method] - Security level: [Details]

### Architecture Patterns Used
- **[Pattern Name]**: [Implementation] - Works well with: [Other components]
- **Scaling Strategy**: [Approach] - Supports: [User/request volume]
- **Error Handling**: [Strategy] - Fallback: [Failure response]

### Performance Baselines
- **API Response Time**: [Current latency] - Target: [Goal]
- **Throughput**: [Requests/second] - Database: [Query performance]
- **Scalability**: [Current capacity] - Bottlenecks: [Identified limits]

### Lessons Learned
- **What works**: [Successful patterns and approaches]
- **What to avoid**: [Failed approaches and anti-patterns]
- **Optimization opportunities**: [Identified improvements]
- **Scaling considerations**: [Future challenges anticipated]

### Collaboration Patterns
- **Works well with**: [Other agents/systems that complement this]
- **Handoff requirements**: [What other agents need to know]

Last updated: [Date]

# Session Summary

**System Implementation**: [Specific architecture/technology implemented]
**Key Technical Decision**: [Most critical choice made and reasoning]
**Performance Achieved**: [Actual metrics vs targets with context]
**Architecture Impact**: [How this affects overall system design]
**Integration Points**: [Dependencies and connections established]
**Monitoring/Validation**: [How success will be measured ongoing]
**Knowledge Captured**: [What future implementations can reference]
**Collaboration Needs**: [Specific handoffs to other agents with context]

"""#),
        ("brand-guardian", #"""
---
agent: brand-guardian
section: Brand Consistency Insights
limit: 150
---
# Section

## Brand Consistency Insights

### Key Brand Systems
- **Visual Identity**: [Core elements established] - [Implementation result]
- **Brand Guidelines**: [Standards created] - [Consistency achieved]

### Effective Patterns
- **Brand Strategy**: [Approach that worked] - Context: [When to apply]
- **Asset Management**: [Organization method] - Rationale: [Why effective]

### Lessons Learned
- **Successful approaches**: [What consistently strengthens brand]
- **Things to avoid**: [What dilutes brand identity]
- **Next improvements**: [Brand evolution opportunities]

### Collaboration Notes
- **Works well with**: [Other agents that complement brand work]
- **Common handoffs**: [What other agents typically need]

Last updated: [Date]

# Session Summary

**Brand Work**: [What was accomplished]
**Key Decision**: [Most important brand choice made and why]
**Result Achieved**: [Outcome with brand consistency metrics]
**Pattern Applied**: [Brand approach that worked]
**Knowledge Added**: [What can be reused for brand work]
**Next Steps**: [Follow-up brand actions identified]
**Collaboration**: [ui-designer for system implementation, visual-storyteller for brand narrative, content-creator for voice consistency, frontend-developer for token integration]

"""#),
        ("content-creator", #"""
---
agent: content-creator
section: Content Strategy Notes
limit: 150
---
# Section

## Content Strategy Notes

### What Works
- **Format**: Blog posts 1500-2000 words - Result: Higher engagement
- **Headlines**: Question-based titles - Result: 30% more clicks
- **Timing**: Tuesday 9am posts - Result: Best organic reach

### Patterns Noticed
- **Video Scripts**: Hook within 3 seconds - Response: 60% completion rates
- **Social Adaptations**: Platform-specific tone - Response: Higher native engagement
- **Email Campaigns**: Single CTA focus - Response: Better conversion rates

### Avoid
- **Generic Headlines**: Low engagement, poor SEO performance
- **Cross-posting**: Platform audiences prefer native content
- **Multiple CTAs**: Confuses audience, reduces conversions

### Next Time
- **Try**: Interactive content formats (polls, Q&A)
- **Test**: User-generated content campaigns
- **Explore**: Video-first content strategy

Last updated: [Date]

# Session Summary

**Key Insight**: [What you discovered about this project's content needs and audience preferences]
**Pattern**: [Content format or strategy approach that resonated most effectively]
**Recommendation**: [Next content creation priority or optimization opportunity]
**Collaboration**: [growth-hacker for amplification strategies, instagram-curator for visual content, ui-designer for content templates, trend-researcher for content opportunities]

"""#),
        ("default", #"""
---
agent: default
section: [Section]
limit: 150
---
# Section

## [Section]

### Key Insights
- **[Topic]**: [What was learned] - Evidence: [Data or source]

### Decisions
- **[Decision]**: [Choice made] - Rationale: [Why]

### Next Steps
- [Follow-up for the next session]

Last updated: [Date]

# Session Summary

**Summary**: [What was done this session]
**Key Decision**: [Most important choice and why]
**Next Steps**: [What the next session should pick up]

"""#),
        ("devops-automator", #"""
---
agent: devops-automator
section: Infrastructure & Deployment
limit: 150
---
# Section

## Infrastructure & Deployment

### Current Implementations
- **CI/CD Pipeline**: [Platform/tools] - Deploy time: [Duration] - Success rate: [%]
- **Infrastructure**: [Cloud/platform] - Uptime: [%] - Auto-scaling: [Status]

### Key Technical Decisions
- **Deployment Strategy**: [Blue/green, rolling, etc.] - Rationale: [Why chosen]
- **Container Platform**: [Docker/K8s/etc.] - Performance: [Resource efficiency]
- **Monitoring Stack**: [Tools] - Alert response: [Time] - Coverage: [%]
- **Security**: [Secrets management, scanning] - Compliance: [Level]

### Automation Patterns
- **CI/CD Flow**: [Steps] - Automated tests: [Coverage%] - Deploy frequency: [Daily/weekly]
- **Infrastructure as Code**: [Tool] - Environments: [Dev/staging/prod status]
- **Monitoring & Alerts**: [System] - MTTR: [Mean time to recovery]

### Performance Metrics
- **Deploy Frequency**: [Per day/week] - Target: [Goal]
- **Lead Time**: [Code to production] - MTTR: [Recovery time]
- **Uptime**: [Current %] - Target: [SLA goal]
- **Cost Efficiency**: [Monthly spend] - Optimization: [Savings achieved]

### Lessons Learned
- **What works**: [Successful automation patterns]
- **What to avoid**: [Failed approaches or bottlenecks]
- **Optimization opportunities**: [Infrastructure improvements identified]
- **Scaling considerations**: [Future capacity planning needs]

### Collaboration Patterns
- **Works well with**: [backend-architect for deployment strategy, test-writer-fixer for CI/CD testing]
- **Handoff requirements**: [What developers need to know for deployments]

Last updated: [Date]

# Session Summary

**Infrastructure Implementation**: [Specific automation/deployment implemented]
**Key Technical Decision**: [Most critical DevOps choice made and reasoning]
**Performance Achieved**: [Deploy times, uptime, other metrics vs targets]
**Automation Impact**: [How this improves developer velocity and reliability]
**Integration Points**: [CI/CD connections and dependencies]
**Monitoring/Validation**: [How system health is tracked]
**Knowledge Captured**: [DevOps patterns that can be reused]
**Collaboration Needs**: [Specific handoffs to other agents with context]
**Collaboration**: [backend-architect for infrastructure design, test-writer-fixer for CI/CD testing, ai-engineer for ML model deployment]

"""#),
        ("experiment-tracker", #"""
---
agent: experiment-tracker
section: Experiment Tracking Insights
limit: 150
---
# Section

## Experiment Tracking Insights

### Key Experiments
- **[Experiment Name]**: [Hypothesis tested] - [Result: Win/Loss/Inconclusive]

### Effective Patterns
- **Test Design**: [What experiment structure works best] - Context: [When to use]
- **Success Metrics**: [Which KPIs provide clearest signal] - Rationale: [Why effective]

### Lessons Learned
- **Statistical approaches**: [What analysis methods work consistently]
- **Things to avoid**: [Common pitfalls in experiment design]
- **Next improvements**: [Identified opportunities for better testing]

### Collaboration Notes
- **Works well with**: [Other agents that enhance experiment success]
- **Common handoffs**: [What other agents typically need from experiment data]

Last updated: [Date]

# Session Summary

**Experiment Work**: [What validation or testing was accomplished]
**Key Decision**: [Most important finding and why it matters]
**Result Achieved**: [Experiment outcome with statistical confidence]
**Pattern Applied**: [Testing approach that worked]
**Knowledge Added**: [What can inform future experiments]
**Next Steps**: [Follow-up experiments or decisions identified]
**Collaboration**: [project-shipper for launch coordination, studio-producer for resource allocation, feedback-synthesizer for user insights]

"""#),
        ("feedback-synthesizer", #"""
---
agent: feedback-synthesizer
section: User Feedback Intelligence
limit: 150
---
# Section

## User Feedback Intelligence

### Current User Sentiment
- **Overall Score**: [X]/5 stars - Trend: [↑↓→] from last period
- **Top Pain Points**: [Issue] ([X]% mention rate) - Impact: [churn/satisfaction]
- **Feature Demand**: [Feature] requested by [X]% - Urgency: [High/Medium/Low]

### Feedback Decision Patterns
- **Quick Wins Identified**: [Fix] = [X]% satisfaction improvement
- **Feature ROI**: [Feature] shows [demand level] vs [effort estimate]
- **User Segment Insights**: [Segment] needs [solution] for [outcome]
- **Prioritization Rule**: [Pattern] consistently drives [metric improvement]

### Collaboration Outcomes
- **Sprint Impact**: [Recommendation] led to [result] in [timeframe]
- **Design Validation**: [UX insight] confirmed by [feedback pattern]
- **Market Alignment**: [User need] matches [trend from trend-researcher]
- **Quality Correlation**: [Issue pattern] relates to [technical debt area]

Last updated: [Date]

# Session Summary

**User Insight**: [Key discovery about user needs or satisfaction drivers]
**Decision Pattern**: [Feedback analysis approach that revealed actionable insights]
**Priority Impact**: [How feedback analysis influenced product roadmap decisions]
**Collaboration**: [Specific handoffs with context for sprint-prioritizer, trend-researcher, ui-designer, test-writer]

"""#),
        ("finance-tracker", #"""
---
agent: finance-tracker
section: Financial Management Insights
limit: 150
---
# Section

## Financial Management Insights

### Key Financial Optimizations
- **[Cost Category/Revenue Stream]**: [Optimization implemented] - [Financial impact achieved]

### Effective Patterns
- **Budget Allocation**: [What allocation strategy works] - Context: [When to use]
- **Cost Management**: [Successful optimization approach] - Rationale: [Why effective]

### Lessons Learned
- **Successful approaches**: [What consistently improves financial performance]
- **Things to avoid**: [Common financial management pitfalls]
- **Next improvements**: [Identified opportunities for better financial health]

### Collaboration Notes
- **Works well with**: [Other agents that enhance financial success]
- **Common handoffs**: [What other agents typically need from financial analysis]

Last updated: [Date]

# Session Summary

**Financial Work**: [What analysis or optimization was accomplished]
**Key Decision**: [Most important financial choice made and why]
**Result Achieved**: [Financial improvement with relevant metrics]
**Pattern Applied**: [Financial approach that worked]
**Knowledge Added**: [What can improve future financial management]
**Next Steps**: [Follow-up financial actions or monitoring needed]
**Collaboration**: [analytics-reporter for data-driven financial insights, growth-hacker for CAC optimization, infrastructure-maintainer for cost reduction, legal-compliance-checker for financial compliance]

"""#),
        ("frontend-developer", #"""
---
agent: frontend-developer
section: Frontend Development Insights
limit: 150
---
# Section

## Frontend Development Insights

### Key Implementations
- **[Component/Feature]**: [Technology/approach used] - [Performance/user feedback]

### Effective Patterns
- **[Pattern name]**: [What works] - Context: [When to use]
- **[Decision type]**: [Choice made] - Rationale: [Why effective]

### Performance & UX
- **Core Web Vitals**: [LCP, FID, CLS scores] - Target: [Goals]
- **Bundle Size**: [Current size] - Optimization: [Savings achieved]
- **User Feedback**: [Satisfaction metrics or usability insights]

### Lessons Learned
- **Successful approaches**: [What consistently works]
- **Things to avoid**: [What doesn't work well]
- **Next improvements**: [Optimization opportunities identified]

### Collaboration Notes
- **Works well with**: [ui-designer for design systems, backend-architect for API integration]
- **Common handoffs**: [What other agents typically need from frontend work]

Last updated: [Date]

# Session Summary

**Frontend Work**: [What was accomplished]
**Key Decision**: [Most important choice made and why]
**Performance Result**: [Core Web Vitals, load times, or user experience metrics]
**Pattern Applied**: [Architecture or technique that worked]
**Knowledge Added**: [What can be reused next time]
**Next Steps**: [Follow-up actions identified]
**Collaboration**: [Other agents that should be involved next]

"""#),
        ("growth-hacker", #"""
---
agent: growth-hacker
section: Growth Strategy Intelligence
limit: 150
---
# Section

## Growth Strategy Intelligence

### Breakthrough Experiments
- **Viral Loop**: [Mechanism description] - Impact: [Growth coefficient/metrics]
- **Channel**: [Acquisition channel] - Performance: [CAC, LTV, conversion rates]
- **Optimization**: [Funnel change] - Result: [Percentage improvement]

### Decision Framework Insights
- **Hypothesis**: [Growth theory tested] - Outcome: [Validated/Failed + learning]
- **ICE Score Leaders**: [High-impact experiments] - Why: [Success factors]
- **Channel Performance**: [Best/worst channels] - Data: [Key metrics + context]

### Growth Patterns
- **User Behavior**: [Activation/retention insights] - Application: [How to leverage]
- **Viral Mechanics**: [What drives sharing] - Optimization: [Enhancement opportunities]
- **Conversion Factors**: [What drives conversions] - Focus: [Areas for improvement]

### Scaling Intelligence
- **System Bottlenecks**: [Infrastructure/process limits] - Solution: [Technical requirements]
- **Resource Allocation**: [Budget/time investments] - ROI: [Performance data]
- **Automation Opportunities**: [Scalable processes] - Priority: [Implementation order]

### Avoid
- **Failed Experiments**: [What didn't work] - Why: [Root cause analysis]
- **Channel Mistakes**: [Poor-performing tactics] - Learning: [Better approaches]

Last updated: [Date]

# Session Summary

**Key Insight**: [What you learned about this project's growth potential and user acquisition patterns]
**Pattern**: [Growth tactic or viral mechanism that showed highest impact]
**Recommendation**: [Next growth experiment or scaling opportunity to prioritize]
**Collaboration**: [content-creator for viral content, app-store-optimizer for organic growth, performance-benchmarker for conversion tracking, backend-architect for scaling infrastructure]

"""#),
        ("infrastructure-maintainer", #"""
---
agent: infrastructure-maintainer
section: Infrastructure & Performance
limit: 150
---
# Section

## Infrastructure & Performance

### System Architecture
- **Current Stack**: [Infrastructure components and versions] - [Performance characteristics]
- **Scaling Strategy**: [Auto-scaling configuration] - [Effectiveness and cost impact]
- **Monitoring Setup**: [Tools and alert thresholds] - [Signal quality and response times]

### Performance Optimization
- **Bottleneck Identification**: [Current system constraints] - [Impact on user experience]
- **Caching Strategy**: [Implementation and hit rates] - [Performance improvements achieved]
- **Database Optimization**: [Query performance and indexing] - [Response time improvements]
- **CDN Configuration**: [Global distribution setup] - [Latency reduction results]

### Capacity Planning & Scaling
- **Traffic Patterns**: [Usage trends and peak loads] - [Scaling trigger effectiveness]
- **Resource Utilization**: [CPU, memory, storage patterns] - [Optimization opportunities]
- **Cost Optimization**: [Resource right-sizing results] - [Savings achieved vs performance impact]
- **Growth Preparation**: [Viral traffic readiness] - [Capacity headroom and scaling speed]

### Reliability & Monitoring
- **Uptime Metrics**: [Availability statistics] - [SLA performance]
- **Incident Response**: [MTTR and resolution patterns] - [Process effectiveness]
- **Health Checks**: [Monitoring coverage and accuracy] - [False positive rates]
- **Backup & Recovery**: [Strategy implementation] - [RTO/RPO achievement]

### Security & Compliance
- **Security Posture**: [Implementation status] - [Vulnerability management]
- **Access Control**: [Permissions and authentication] - [Security incident history]
- **Data Protection**: [Encryption and compliance] - [Audit results]

### Infrastructure Automation
- **IaC Implementation**: [Infrastructure as Code status] - [Deployment reliability]
- **CI/CD Pipeline**: [Automation level and success rate] - [Deployment frequency and quality]
- **Configuration Management**: [Standardization and drift detection] - [Consistency metrics]

### Cost Management
- **Resource Optimization**: [Usage analysis and rightsizing] - [Cost reduction achieved]
- **Reserved Capacity**: [Commitment strategy] - [Savings vs flexibility trade-offs]
- **Waste Elimination**: [Unused resource cleanup] - [Ongoing cost monitoring]

### Performance Benchmarks
- **Response Times**: [API and application performance] - [Trend analysis]
- **Throughput**: [Request handling capacity] - [Scaling effectiveness]
- **Resource Efficiency**: [Performance per dollar spent] - [Optimization trends]

### Disaster Recovery
- **Backup Strategy**: [Implementation and testing] - [Recovery success rate]
- **Failover Procedures**: [Automation and manual steps] - [Recovery time achievements]
- **Business Continuity**: [Critical system identification] - [Redundancy effectiveness]

Last updated: [Date]

# Session Summary

**Infrastructure Work**: [What optimization, maintenance, or scaling was accomplished]
**Key Insight**: [Most important discovery about system performance or architecture]
**Technical Achievement**: [Infrastructure improvement or problem solved]
**Performance Impact**: [How changes affected user experience or system reliability]
**Cost Impact**: [Financial effect of infrastructure changes]
**Scalability Improvement**: [Enhanced capacity or efficiency gained]
**Next Optimization**: [Highest-priority infrastructure improvement identified]
**Collaboration**: [analytics-reporter for performance metrics analysis, finance-tracker for cost optimization, devops-automator for deployment automation, performance-benchmarker for load testing]
**Memory Updates**: Updated infrastructure insights in insights.md, architecture details in technical-architecture.md, performance data in performance-data.md, and procedures in workflows.md

"""#),
        ("instagram-curator", #"""
---
agent: instagram-curator
section: Visual Content Notes
limit: 150
---
# Section

## Visual Content Notes

### What Works
- **Carousel Posts**: Behind-the-scenes content - Result: 40% higher engagement
- **Story Features**: Polls and questions - Result: 80% completion rates
- **Reels**: Trending audio + brand message - Result: 3x reach
- **Aesthetic**: Warm color palette - Result: Consistent brand recognition

### Patterns Noticed
- **Posting Times**: 6pm-8pm weekdays - Response: Peak audience activity
- **User Content**: Customer photos in Stories - Response: Higher trust signals
- **Hashtag Strategy**: Mix of trending + niche tags - Response: Better discovery

### Avoid
- **Over-posting**: More than 1 feed post daily reduces engagement
- **Stock Photos**: Authentic content performs 2x better
- **Hashtag Stuffing**: All 30 hashtags looks spammy

### Next Time
- **Try**: Instagram Shopping features integration
- **Test**: User-generated content campaigns
- **Explore**: IGTV for longer storytelling

Last updated: [Date]

# Session Summary

**Key Insight**: [What you discovered about this project's Instagram audience engagement and visual preferences]
**Pattern**: [Content format or aesthetic approach that drove highest engagement]
**Recommendation**: [Next Instagram content strategy or growth tactic to implement]
**Collaboration**: [visual-storyteller for brand aesthetics, content-creator for captions, growth-hacker for engagement optimization, tiktok-strategist for video content trends]

"""#),
        ("joker", #"""
---
agent: joker
section: Team Humor Notes
limit: 150
---
# Section

## Team Humor Notes

### What Works
- **Programming Puns**: Dad jokes about code - Result: Team energy boost
- **Timing**: During debugging sessions - Result: Stress relief, renewed focus
- **Style**: Self-deprecating startup humor - Result: Team bonding
- **Format**: Quick one-liners vs long setups - Result: Better attention

### Patterns Noticed
- **Stress Moments**: Team responds well to light humor - Response: Improved collaboration
- **Debug Sessions**: Humor breaks reset problem-solving mindset - Response: Fresh perspective
- **Sprint Pressure**: Gentle jokes reduce tension - Response: Maintained productivity

### Avoid
- **Forced Humor**: When team is deeply focused, humor disrupts
- **Inside Jokes**: New team members feel excluded
- **Sarcasm**: Can be misinterpreted in high-stress moments

### Next Time
- **Try**: Funny error messages in development
- **Test**: Light humor in documentation
- **Explore**: Team joke traditions for morale

Last updated: [Date]

# Session Summary

**Key Insight**: [What you learned about this team's humor preferences and stress patterns]
**Pattern**: [Type of humor or timing that resonated most effectively]
**Recommendation**: [When the team might need another morale boost or humor injection]
**Collaboration**: [studio-coach for team motivation, whimsy-injector for delightful UX, content-creator for funny marketing copy]
**Memory Update**: Updated team humor patterns in insights.md under "Team Humor Notes"

"""#),
        ("legal-compliance-checker", #"""
---
agent: legal-compliance-checker
section: Legal & Compliance Insights
limit: 150
---
# Section

## Legal & Compliance Insights

### Key Compliance Implementations
- **[Regulation/Policy]**: [Implementation approach] - [Compliance status achieved]

### Effective Patterns
- **Risk Mitigation**: [What compliance strategy works] - Context: [When to use]
- **Documentation**: [Successful policy approach] - Rationale: [Why effective]

### Lessons Learned
- **Successful approaches**: [What consistently achieves compliance]
- **Things to avoid**: [Common legal and compliance pitfalls]
- **Next improvements**: [Identified opportunities for better compliance]

### Collaboration Notes
- **Works well with**: [Other agents that enhance compliance success]
- **Common handoffs**: [What other agents typically need for compliance]

Last updated: [Date]

# Session Summary

**Compliance Work**: [What legal or regulatory work was accomplished]
**Key Decision**: [Most important compliance choice made and why]
**Result Achieved**: [Compliance improvement with relevant protections]
**Pattern Applied**: [Legal approach that worked]
**Knowledge Added**: [What can improve future compliance efforts]
**Next Steps**: [Follow-up compliance actions or monitoring needed]
**Collaboration**: [finance-tracker for compliance cost analysis, support-responder for user communication compliance, infrastructure-maintainer for data security implementation, analytics-reporter for privacy-compliant data collection]

"""#),
        ("mobile-app-builder", #"""
---
agent: mobile-app-builder
section: Mobile App Architecture
limit: 150
---
# Section

## Mobile App Architecture

### Current Implementations
- **Platform Strategy**: [Native/Cross-platform choice] - Performance: [FPS/Memory metrics] - Trade-offs: [Decision rationale]
- **State Management**: [Redux/Context/MobX] - Bundle size: [KB] - Performance impact: [Measured]
- **Navigation**: [Stack/Tab/Drawer pattern] - User flow efficiency: [Steps to value]

### Key Technical Decisions
- **Performance Optimization**: [Specific techniques used] - Results: [Startup time/Memory/FPS improvements]
- **Platform Integration**: [Native features implemented] - Complexity: [Implementation difficulty]
- **Code Sharing**: [Percentage shared vs platform-specific] - Maintenance impact: [Developer experience]

### Lessons Learned
- **What works**: [Successful patterns and performance optimizations]
- **What to avoid**: [Failed approaches and performance pitfalls]
- **Optimization opportunities**: [Identified improvements for React Native/Flutter/Native]
- **Scaling considerations**: [Multi-platform deployment challenges]

### Collaboration Patterns
- **Works well with**: [Backend-architect for API design, UX-researcher for mobile UX patterns]
- **Handoff requirements**: [Performance specs and platform-specific considerations]

Last updated: [Date]

# Session Summary

**Mobile Implementation**: [Specific platform/framework used and key features built]
**Key Technical Decision**: [Most critical architecture choice and performance rationale]
**Performance Achieved**: [Actual metrics - startup time, FPS, memory usage, bundle size]
**Architecture Impact**: [How platform choices affect overall app architecture]
**Integration Points**: [Native feature integrations and cross-platform considerations]
**Monitoring/Validation**: [Performance monitoring setup and optimization validation]
**Knowledge Captured**: [Patterns and optimizations for future mobile implementations]
**Collaboration Needs**: [Specific handoffs to backend/UX teams with mobile context]

"""#),
        ("performance-benchmarker", #"""
---
agent: performance-benchmarker
section: Performance Optimization Intelligence
limit: 150
---
# Section

## Performance Optimization Intelligence

### Current Optimization Implementations
- **Frontend Performance**: [Technology/approach] - [LCP/FID/CLS metrics] - [Optimization impact]
- **Backend Performance**: [Technology/approach] - [Response time p95] - [Throughput achieved]
- **Database Performance**: [Technology/approach] - [Query optimization] - [Index strategy]

### Key Technical Decisions
- **Optimization Strategy**: [Approach chosen] - Rationale: [Why this performance methodology]
- **Performance Targets**: [Metrics set] - Target: [User experience goals]
- **Tool Selection**: [Profiling tools chosen] - Dependencies: [Monitoring infrastructure]

### Lessons Learned
- **What works**: [Successful optimization patterns and effective techniques]
- **What to avoid**: [Failed optimization approaches and performance anti-patterns]
- **Optimization opportunities**: [Performance improvements identified for future]
- **Scaling considerations**: [Performance insights for handling growth]

### Collaboration Patterns
- **Works well with**: [api-tester for load scenarios, backend-architect for system design]
- **Handoff requirements**: [What other agents need from performance analysis]

Last updated: [Date]

# Session Summary

**Performance Implementation**: [Specific optimization technique/tools implemented]
**Key Technical Decision**: [Most critical performance choice made and reasoning]
**Performance Achieved**: [Actual metrics vs targets with context]
**Architecture Impact**: [How this affects overall system performance]
**Integration Points**: [Dependencies and connections with monitoring systems]
**Monitoring/Validation**: [How performance gains will be measured ongoing]
**Knowledge Captured**: [What future optimization efforts can reference]
**Collaboration Needs**: [Specific handoffs to other agents with context]

"""#),
        ("project-coordinator", #"""
---
agent: project-coordinator
section: Project Coordinator
limit: 150
---
# Section

## Project Coordinator

### Key Insights
- **[Topic]**: [What was learned] - Evidence: [Data or source]

### Decisions
- **[Decision]**: [Choice made] - Rationale: [Why]

### Next Steps
- [Follow-up for the next session]

Last updated: [Date]

# Session Summary

**Key Insight**: [What you discovered about balancing analysis vs planning approaches]
**Pattern**: [Coordination strategy that worked well for this project type]
**Recommendation**: [Next step for maintaining project coherence]
**Collaboration**: [project-analyzer and project-planner coordination, plus other relevant agents]

"""#),
        ("project-shipper", #"""
---
agent: project-shipper
section: Launch Coordination Insights
limit: 150
---
# Section

## Launch Coordination Insights

### Key Launches
- **[Feature/Product]**: [Go-to-market approach used] - [Result/adoption metrics]

### Effective Patterns
- **Launch Strategy**: [What coordination approach works] - Context: [When to use]
- **Timeline Management**: [Successful schedule approach] - Rationale: [Why effective]

### Lessons Learned
- **Successful approaches**: [What consistently drives adoption]
- **Things to avoid**: [Launch coordination pitfalls]
- **Next improvements**: [Identified opportunities for better launches]

### Collaboration Notes
- **Works well with**: [Other agents that enhance launch success]
- **Common handoffs**: [What other agents typically need for launches]

Last updated: [Date]

# Session Summary

**Launch Work**: [What coordination or planning was accomplished]
**Key Decision**: [Most important launch choice made and why]
**Result Achieved**: [Launch outcome with relevant metrics]
**Pattern Applied**: [Coordination approach that worked]
**Knowledge Added**: [What can improve future launches]
**Next Steps**: [Follow-up actions for this or future launches]
**Collaboration**: [experiment-tracker for launch validation, studio-producer for team coordination, growth-hacker for amplification strategies]

"""#),
        ("rapid-prototyper", #"""
---
agent: rapid-prototyper
section: Rapid Prototyping Insights
limit: 150
---
# Section

## Rapid Prototyping Insights

### Successful Prototypes
- **[Project/Concept]**: [Tech stack used] - [Time to MVP] - [Key learnings]

### Velocity Patterns
- **[Development approach]**: [Time saved] - Context: [When most effective]
- **[Tool/framework choice]**: [Speed benefit] - Trade-offs: [What was sacrificed]

### Tech Stack Effectiveness
- **Frontend**: [React/Next.js performance] - Setup time: [Minutes]
- **Backend**: [Supabase/Firebase speed] - Integration complexity: [Level]
- **Deployment**: [Platform choice] - Time to live: [Duration]

### Market Validation
- **User feedback**: [Key insights from testing]
- **Viral potential**: [Social sharing metrics or engagement]
- **Business viability**: [Revenue/conversion indicators]

### Lessons Learned
- **Speed boosters**: [What consistently accelerates development]
- **Time sinks**: [What slows down prototyping]
- **Next improvements**: [Process optimizations identified]

### Collaboration Notes
- **Works well with**: [frontend-developer for polish, backend-architect for scaling]
- **Common handoffs**: [What other agents need for successful transitions]

Last updated: [Date]

# Session Summary

**Prototype Built**: [What was created and core functionality]
**Velocity Achievement**: [Time to working prototype vs typical expectations]
**Key Technical Decision**: [Most important choice that accelerated or hindered progress]
**Market Insight**: [User feedback or business validation discovered]
**Pattern Applied**: [Development approach or tool choice that worked]
**Knowledge Added**: [What can accelerate future prototypes]
**Next Steps**: [Prioritized features or validation needed]
**Collaboration**: [frontend-developer for UI polish, backend-architect for scaling preparation, test-writer-fixer for quality assurance]

"""#),
        ("reddit-community-builder", #"""
---
agent: reddit-community-builder
section: Community Building Notes
limit: 150
---
# Section

## Community Building Notes

### What Works
- **Value-First**: Detailed helpful answers - Result: High karma, community respect
- **Subreddit Timing**: Tuesday-Thursday posts - Result: Better visibility
- **Content Type**: Case studies with data - Result: Strong engagement
- **Approach**: 90-9-1 rule strictly followed - Result: Trusted community member status

### Patterns Noticed
- **Long-form Posts**: Include TL;DR section - Response: Higher upvote rates
- **Comment Strategy**: Reply within 1 hour - Response: Better thread engagement
- **Community Events**: Active participation - Response: Moderator recognition

### Avoid
- **Corporate Language**: Sounds inauthentic, gets downvoted
- **Same Content**: Cross-posting identical content across subreddits
- **Quick Promotion**: Without establishing credibility first

### Next Time
- **Try**: Hosting AMA sessions in relevant subreddits
- **Test**: Creating valuable resources for communities
- **Explore**: Building relationships with moderators

Last updated: [Date]

# Session Summary

**Key Insight**: [What you learned about this project's Reddit community reception and engagement opportunities]
**Pattern**: [Community engagement approach or content type that built strongest relationships]
**Recommendation**: [Next Reddit community building strategy or subreddit expansion opportunity]
**Collaboration**: [content-creator for valuable posts, growth-hacker for community growth tactics, feedback-synthesizer for community insights, ux-researcher for user needs validation]

"""#),
        ("sprint-prioritizer", #"""
---
agent: sprint-prioritizer
section: Sprint & Prioritization Intelligence
limit: 150
---
# Section

## Sprint & Prioritization Intelligence

### Current Sprint Health
- **Velocity**: [X] story points/week - Trend: [↑↓→] from baseline
- **Scope Management**: [X]% features delivered on time - Quality: [metric]
- **Risk Factors**: [Dependency/bottleneck] affecting [timeline/quality]

### Prioritization Decision Patterns
- **Value Framework**: [RICE/Matrix] works best for [feature type]
- **Trade-off Rules**: When choosing [A vs B], prioritize [criteria] for [outcome]
- **Quick Win Strategy**: [Pattern] delivers [X]% impact with [effort level]
- **Technical Debt Balance**: [X]% capacity optimal for [team velocity/quality]

### Sprint Optimization Insights
- **Planning Accuracy**: [Method] improves estimates by [X]%
- **Stakeholder Management**: [Approach] reduces scope creep by [X]%
- **Risk Mitigation**: [Strategy] prevents [common failure mode]
- **Team Performance**: [Practice] increases [satisfaction/delivery]

### Collaboration Effectiveness
- **User Input Integration**: [feedback-synthesizer] insights change priority [X]% of time
- **Market Timing**: [trend-researcher] windows affect [decision frequency]
- **Technical Feasibility**: [backend-architect] input saves [X] dev days
- **Quality Planning**: [test-writer] collaboration reduces [bug rate]

Last updated: [Date]

# Session Summary

**Prioritization Insight**: [Key learning about feature value or development constraints]
**Decision Pattern**: [Prioritization framework or trade-off strategy that worked]
**Sprint Optimization**: [Process improvement that enhanced team velocity or quality]
**Collaboration**: [Specific handoffs with context for feedback-synthesizer, trend-researcher, backend-architect, test-writer]

"""#),
        ("studio-coach", #"""
---
agent: studio-coach
section: Team Motivation Notes
limit: 150
---
# Section

## Team Motivation Notes

### What Works
- **Pre-Sprint Coaching**: Energy and goal setting - Result: 25% better sprint outcomes
- **Pressure Management**: Box breathing techniques - Result: Calmer decision-making
- **Agent Coordination**: Clear role definition - Result: Reduced overlap, better flow
- **Recognition Style**: Effort + outcome celebration - Result: Sustained motivation

### Patterns Noticed
- **Stuck Agents**: Need confidence boost + perspective - Response: Breakthrough solutions
- **Complex Projects**: Benefit from daily check-ins - Response: Maintained momentum
- **Team Dynamics**: Collaborative approach works better - Response: Higher quality outputs

### Avoid
- **Over-coaching**: Too much guidance reduces agent autonomy
- **Generic Motivation**: Team needs specific, contextual encouragement
- **Pressure Addition**: Coaching should reduce, not increase stress

### Next Time
- **Try**: Individual agent coaching sessions
- **Test**: Team retrospectives after major projects
- **Explore**: Preventive coaching before challenging sprints

Last updated: [Date]

# Session Summary

**Key Insight**: [What you learned about this team's dynamics, strengths, and growth areas]
**Pattern**: [Coaching approach or team coordination strategy that proved most effective]
**Recommendation**: [Next coaching focus or team development priority]
**Collaboration**: [memory-manager for preserving team insights, joker for morale boosts, specific agents that need individual coaching]
**Memory Update**: Updated team motivation patterns in insights.md under "Team Motivation Notes"

"""#),
        ("studio-producer", #"""
---
agent: studio-producer
section: Studio Production Insights
limit: 150
---
# Section

## Studio Production Insights

### Key Optimizations
- **[Process/Workflow]**: [Improvement implemented] - [Result/efficiency gain]

### Effective Patterns
- **Team Coordination**: [What coordination approach works] - Context: [When to use]
- **Resource Allocation**: [Successful allocation strategy] - Rationale: [Why effective]

### Lessons Learned
- **Successful approaches**: [What consistently improves team efficiency]
- **Things to avoid**: [Common coordination and process pitfalls]
- **Next improvements**: [Identified opportunities for better workflows]

### Collaboration Notes
- **Works well with**: [Other agents that enhance studio coordination]
- **Common handoffs**: [What other agents typically need from production]

Last updated: [Date]

# Session Summary

**Production Work**: [What coordination or optimization was accomplished]
**Key Decision**: [Most important process or resource choice made and why]
**Result Achieved**: [Efficiency improvement with relevant metrics]
**Pattern Applied**: [Coordination approach that worked]
**Knowledge Added**: [What can improve future studio operations]
**Next Steps**: [Follow-up optimization or coordination actions]
**Collaboration**: [experiment-tracker for process validation, project-shipper for launch coordination, feedback-synthesizer for team health insights]

"""#),
        ("support-responder", #"""
---
agent: support-responder
section: Support & User Experience Insights
limit: 150
---
# Section

## Support & User Experience Insights

### Key Support Optimizations
- **[Issue Category/Process]**: [Improvement implemented] - [User satisfaction impact]

### Effective Patterns
- **Response Strategy**: [What support approach works] - Context: [When to use]
- **User Communication**: [Successful messaging approach] - Rationale: [Why effective]

### Lessons Learned
- **Successful approaches**: [What consistently improves user satisfaction]
- **Things to avoid**: [Common support and UX pitfalls]
- **Next improvements**: [Identified opportunities for better user experience]

### Collaboration Notes
- **Works well with**: [Other agents that enhance user experience]
- **Common handoffs**: [What other agents typically need from support insights]

Last updated: [Date]

# Session Summary

**Support Work**: [What user experience or support optimization was accomplished]
**Key Decision**: [Most important user experience choice made and why]
**Result Achieved**: [Support improvement with relevant satisfaction metrics]
**Pattern Applied**: [Support approach that worked]
**Knowledge Added**: [What can improve future user experience]
**Next Steps**: [Follow-up support or UX actions identified]
**Collaboration**: [analytics-reporter for support metrics analysis, feedback-synthesizer for user insight extraction, ui-designer for better user experience design, legal-compliance-checker for user communication compliance]

"""#),
        ("test-results-analyzer", #"""
---
agent: test-results-analyzer
section: Test Quality Intelligence
limit: 150
---
# Section

## Test Quality Intelligence

### Quality Trends Identified
- **Test Coverage**: [Current %] - Trend: [Improving/declining] - Target: [Goal %]
- **Flaky Tests**: [Count] - Pattern: [Root causes] - Impact: [Developer time]
- **Performance Trends**: [Test speed] - Change: [Getting faster/slower]

### Key Quality Insights
- **Success Patterns**: [What testing approaches work best]
- **Risk Areas**: [Components with quality issues]
- **Improvement Opportunities**: [Highest ROI quality investments]

Last updated: [Date]

# Session Summary

**Key Insight**: [What you learned about this project's testing quality patterns and trends]
**Pattern**: [Test analysis technique or quality metric that revealed important insights]
**Recommendation**: [Most critical quality improvement to address next]
**Collaboration**: [api-tester for test execution, performance-benchmarker for performance trends, workflow-optimizer for test process improvement]

"""#),
        ("test-writer-fixer", #"""
---
agent: test-writer-fixer
section: Testing & Quality Insights
limit: 150
---
# Section

## Testing & Quality Insights

### Test Coverage Status
- **[Module/Feature]**: [Coverage %] - [Test types: unit/integration/e2e]

### Effective Testing Patterns
- **[Pattern name]**: [What works] - Context: [When most useful]
- **[Framework/tool]**: [Effectiveness] - Speed: [Execution time impact]

### Common Test Failures
- **[Failure type]**: [Root cause] - Fix approach: [How resolved]
- **[Brittleness pattern]**: [Why tests break] - Prevention: [How to avoid]

### Quality Metrics
- **Test Suite Speed**: [Total runtime] - Target: [Goal time]
- **Flakiness Rate**: [% flaky tests] - Reliability: [Pass rate]
- **Coverage Gaps**: [Critical areas without tests]

### Lessons Learned
- **Successful approaches**: [Testing strategies that catch real bugs]
- **Things to avoid**: [Test patterns that don't add value]
- **Next improvements**: [Coverage or process enhancements needed]

### Collaboration Notes
- **Works well with**: [ai-engineer for ML testing, backend-architect for integration testing]
- **Common handoffs**: [What other agents need for quality assurance]

Last updated: [Date]

# Session Summary

**Testing Work**: [What tests were written, run, or fixed]
**Coverage Achievement**: [Improvement in test coverage or quality]
**Key Technical Decision**: [Most important testing choice made and rationale]
**Quality Impact**: [How this improves overall code reliability]
**Pattern Applied**: [Testing strategy or fix approach that worked]
**Knowledge Added**: [What can improve future testing efforts]
**Next Steps**: [Priority areas for test improvement]
**Collaboration**: [ai-engineer for ML testing, backend-architect for integration testing, devops-automator for CI/CD testing pipeline]

"""#),
        ("tiktok-strategist", #"""
---
agent: tiktok-strategist
section: TikTok Strategy Notes
limit: 150
---
# Section

## TikTok Strategy Notes

### What Works
- **Hook Timing**: Question within first 2 seconds - Result: 70% completion rates
- **Content Type**: Behind-the-scenes authentic footage - Result: Higher engagement
- **Audio Strategy**: Trending sounds + original twist - Result: Algorithm boost
- **Posting Time**: 6pm-9pm weekdays - Result: Peak audience reach

### Patterns Noticed
- **Viral Content**: User problems + app solutions - Response: High shareability
- **Trend Adaptation**: Within 24 hours of trend start - Response: Better algorithm favor
- **Creator Collaborations**: Micro-influencers (10K-100K) - Response: More authentic reach

### Avoid
- **Over-production**: Polished content performs worse than authentic
- **Trend Lateness**: Joining trends after 48 hours reduces impact
- **Corporate Tone**: Gen Z spots and rejects inauthentic brand voice

### Next Time
- **Try**: User-generated content challenges
- **Test**: Series content for increased follows
- **Explore**: Duet-friendly content formats

Last updated: [Date]

# Session Summary

**Key Insight**: [What you discovered about this project's TikTok viral potential and cultural fit]
**Pattern**: [Content format or trend adaptation that resonated most with target audience]
**Recommendation**: [Next TikTok content series or viral strategy to launch]
**Collaboration**: [content-creator for scripts, instagram-curator for visual consistency, growth-hacker for viral mechanics, ui-designer for TikTok-friendly app features]

"""#),
        ("tool-evaluator", #"""
---
agent: tool-evaluator
section: Tool Evaluation Intelligence
limit: 150
---
# Section

## Tool Evaluation Intelligence

### Tool Decisions Made
- **[Tool Category]**: [Tool chosen] - Status: [ADOPT/TRIAL/AVOID] - Impact: [Productivity gain]
- **[Tool Category]**: [Tool chosen] - Status: [ADOPT/TRIAL/AVOID] - Impact: [Productivity gain]

### Evaluation Insights
- **Success Criteria**: [What makes tools work for this team]
- **Red Flags**: [Common tool issues to avoid]
- **Integration Patterns**: [How tools work together effectively]

Last updated: [Date]

# Session Summary

**Key Insight**: [What you discovered about this tool's impact on development velocity and team productivity]
**Pattern**: [Evaluation approach or testing method that provided the clearest insights]
**Recommendation**: [Most important decision about tool adoption or rejection]
**Collaboration**: [workflow-optimizer for process integration, performance-benchmarker for tool performance testing, api-tester for testing tool APIs]

"""#),
        ("trend-researcher", #"""
---
agent: trend-researcher
section: Market Intelligence & Trends
limit: 150
---
# Section

## Market Intelligence & Trends

### Current Market Opportunities
- **[Trend/Opportunity]**: [Platform/Source] - [Growth rate] - [Market size potential]
- **Viral Mechanics**: [Sharing pattern] - Adoption rate: [X]% week-over-week
- **Competition Analysis**: [Gap identified] - Entry barrier: [High/Medium/Low]

### Key Market Signals
- **Platform Trends**: [TikTok/Instagram/App Store] showing [pattern]
- **User Behavior Shifts**: [Demographic] adopting [new behavior] at [X]% rate
- **Monetization Patterns**: [Revenue model] succeeding in [market segment]
- **Timing Windows**: [Opportunity] has [X] week momentum - Launch window: [dates]

### Competitive Intelligence
- **Emerging Players**: [App/Company] gaining [metric] with [strategy]
- **Feature Adoption**: [Feature type] showing [adoption rate] across [competitors]
- **Market Gaps**: [Underserved need] in [user segment] with [size] potential
- **Platform Risks**: [Dependency] could affect [opportunity] if [scenario]

### Trend Predictions & Analysis
- **Rising Trends**: [Trend] expected to peak in [timeframe] - Build window: [dates]
- **Declining Trends**: [Trend] showing [decline rate] - Avoid or pivot by [date]
- **Cross-Platform Potential**: [Trend] successful on [platform] could work on [platform]
- **Cultural Patterns**: [Behavior] driven by [cultural moment] - Duration: [estimate]

### Collaboration Intelligence
- **Product Validation**: [feedback-synthesizer] should investigate [user segment] for [trend]
- **Development Timing**: [sprint-prioritizer] should prioritize [feature] for [market window]
- **Design Requirements**: [ui-designer] needs [viral mechanic] for [opportunity]
- **Marketing Alignment**: [content-creator] should prepare [content type] for [trend]

Last updated: [Date]

# Session Summary

**Market Opportunity**: [Specific trend/gap identified with growth metrics]
**Viral Mechanism**: [Key sharing/engagement pattern that drives adoption]
**Competitive Position**: [How to differentiate and timing advantage]
**Market Size**: [TAM/user base with confidence level and timeframe]
**Platform Strategy**: [Which platforms to target and cross-platform potential]
**Development Window**: [Optimal build timeline to capture trend momentum]
**Cultural Context**: [Why this trend resonates and sustainability factors]
**Collaboration Needs**: [Specific handoffs to other agents with market context]

"""#),
        ("twitter-engager", #"""
---
agent: twitter-engager
section: Twitter Engagement Notes
limit: 150
---
# Section

## Twitter Engagement Notes

### What Works
- **Thread Format**: Hook + 5-7 tweets + CTA - Result: High read-through rates
- **Engagement Time**: Respond within 15 minutes - Result: Better relationships
- **Content Mix**: 3-1-1 rule (value-promo-engagement) - Result: Balanced growth
- **Visual Content**: Images increase engagement 2x - Result: Higher reach

### Patterns Noticed
- **Trending Topics**: Quick response within 30 minutes - Response: Algorithm boost
- **Community Building**: Daily authentic interactions - Response: Loyal follower growth
- **Quote Tweets**: Add genuine value vs simple retweet - Response: Better engagement

### Avoid
- **Over-hashtaging**: More than 2 hashtags reduces engagement
- **Auto-responses**: Community spots and ignores automated replies
- **Trend-jacking**: Forcing brand into irrelevant trends backfires

### Next Time
- **Try**: Twitter Spaces for community building
- **Test**: Thread series for increased following
- **Explore**: Collaboration with industry influencers

Last updated: [Date]

# Session Summary

**Key Insight**: [What you discovered about this project's Twitter audience engagement patterns and viral potential]
**Pattern**: [Tweet format or engagement strategy that generated strongest community response]
**Recommendation**: [Next Twitter growth tactic or viral content opportunity to pursue]
**Collaboration**: [content-creator for thread content, growth-hacker for viral mechanics, trend-researcher for trending topics, reddit-community-builder for cross-platform discussions]

"""#),
        ("ui-designer", #"""
---
agent: ui-designer
section: Design System Insights
limit: 150
---
# Section

## Design System Insights

### Key Components
- **UI Components**: [Components built] - [Reusability/performance result]
- **Design Patterns**: [Patterns established] - [User response/metrics]

### Effective Patterns
- **Design Approach**: [Method that worked] - Context: [When to use]
- **Component Architecture**: [Organization that succeeded] - Rationale: [Why effective]

### Lessons Learned
- **Successful approaches**: [What consistently creates great UI]
- **Things to avoid**: [What hurts user experience]
- **Next improvements**: [Design system evolution opportunities]

### Collaboration Notes
- **Works well with**: [Other agents that complement design work]
- **Common handoffs**: [What other agents typically need]

Last updated: [Date]

# Session Summary

**Design Work**: [What was accomplished]
**Key Decision**: [Most important design choice made and why]
**Result Achieved**: [Outcome with user experience metrics]
**Pattern Applied**: [Design approach that worked]
**Knowledge Added**: [What can be reused for future designs]
**Next Steps**: [Follow-up design actions identified]
**Collaboration**: [ux-researcher for user validation, frontend-developer for implementation, brand-guardian for consistency, whimsy-injector for delightful touches]

"""#),
        ("ux-researcher", #"""
---
agent: ux-researcher
section: UX Research Intelligence
limit: 150
---
# Section

## UX Research Intelligence

### User Behavior Patterns
- **Primary User Segments**: [Identified personas] - [Key behaviors and needs]
- **Usage Patterns**: [How users interact] - [Frequency, context, preferences]
- **Pain Points**: [Critical friction areas] - [Impact on retention/conversion]

### Research Methodologies
- **Effective Methods**: [What research approaches work] - [When to apply each]
- **Data Sources**: [Analytics, surveys, interviews] - [Quality and reliability notes]
- **Testing Protocols**: [Usability testing approaches] - [Success metrics and insights]

### Decision Intelligence
- **Research-Driven Wins**: [User insights that improved product] - [Measurable impact]
- **Failed Hypotheses**: [What we thought vs reality] - [Learning and course correction]
- **Validation Patterns**: [How to test assumptions] - [Speed vs accuracy tradeoffs]

### Cross-Functional Insights
- **Design Implications**: [UX findings that inform design] - [Specific recommendations]
- **Technical Constraints**: [User needs vs development capacity] - [Compromise strategies]
- **Business Impact**: [Research ROI and user metric improvements] - [Stakeholder communication]

### Research Asset Library
- **Journey Maps**: [Current user flows documented] - [Optimization opportunities]
- **Persona Updates**: [Evolving user understanding] - [New segments discovered]
- **Testing Templates**: [Reusable research protocols] - [Proven question sets]

### Collaboration Intelligence
- **Design Partnership**: [How research informs UI/UX decisions] - [Validation loops]
- **Engineering Handoffs**: [Technical feasibility discussions] - [User story prioritization]
- **Product Strategy**: [Research influence on roadmap] - [Feature validation outcomes]

Last updated: [Date]

# Session Summary

**Research Focus**: [What aspect of user experience was investigated]
**Methodology Applied**: [Research approach and why it was chosen]
**Key User Insights**: [Primary behavioral patterns or needs discovered]
**Decision Impact**: [How findings influence product/design decisions]
**Validation Status**: [What hypotheses were confirmed/rejected]
**Technical Implications**: [Development considerations from user needs]
**Business Metrics**: [Potential impact on retention, conversion, satisfaction]
**Next Research Priorities**: [Follow-up studies or validation needed]
**Stakeholder Communication**: [How insights will be shared across teams]
**Collaboration Needs**: [ui-designer for design validation, frontend-developer for user testing, visual-storyteller for insight presentation, sprint-prioritizer for roadmap impact]

"""#),
        ("visual-storyteller", #"""
---
agent: visual-storyteller
section: Visual Narrative Insights
limit: 150
---
# Section

## Visual Narrative Insights

### Key Visual Stories
- **Narrative Approach**: [Story structure used] - [Audience engagement result]
- **Data Visualization**: [Chart/infographic type] - [Comprehension/sharing metrics]

### Effective Patterns
- **Visual Metaphors**: [Metaphors that worked] - Context: [When to use]
- **Story Structure**: [Narrative flow that succeeded] - Rationale: [Why effective]

### Lessons Learned
- **Successful approaches**: [What consistently engages audiences]
- **Things to avoid**: [What confuses or loses audience]
- **Next improvements**: [Visual storytelling opportunities]

### Collaboration Notes
- **Works well with**: [Other agents that complement visual work]
- **Common handoffs**: [What other agents typically need]

Last updated: [Date]

# Session Summary

**Visual Work**: [What was accomplished]
**Key Decision**: [Most important storytelling choice made and why]
**Result Achieved**: [Outcome with engagement/comprehension metrics]
**Pattern Applied**: [Narrative approach that worked]
**Knowledge Added**: [What can be reused for future stories]
**Next Steps**: [Follow-up visual content actions identified]
**Collaboration**: [ux-researcher for audience insights, brand-guardian for visual consistency, content-creator for narrative development, growth-hacker for distribution strategy]

"""#),
        ("whimsy-injector", #"""
---
agent: whimsy-injector
section: User Delight Insights
limit: 150
---
# Section

## User Delight Insights

### Key Whimsy Elements
- **Micro-interactions**: [Delightful touches added] - [User response/engagement]
- **Personality Features**: [Character elements] - [Brand consistency result]

### Effective Patterns
- **Delight Triggers**: [What creates joy] - Context: [When users appreciate whimsy]
- **Animation Approach**: [Motion that worked] - Rationale: [Why it enhanced experience]

### Lessons Learned
- **Successful approaches**: [What consistently delights users]
- **Things to avoid**: [What annoys or distracts]
- **Next improvements**: [Personality enhancement opportunities]

### Collaboration Notes
- **Works well with**: [Other agents that complement whimsy work]
- **Common handoffs**: [What other agents typically need]

Last updated: [Date]

# Session Summary

**Whimsy Work**: [What was accomplished]
**Key Decision**: [Most important delight choice made and why]
**Result Achieved**: [Outcome with user engagement/satisfaction metrics]
**Pattern Applied**: [Delightful approach that worked]
**Knowledge Added**: [What can be reused for future whimsy]
**Next Steps**: [Follow-up delight actions identified]
**Collaboration**: [ui-designer for animation implementation, ux-researcher for delight measurement, brand-guardian for personality consistency, content-creator for playful copy]

"""#),
        ("workflow-optimizer", #"""
---
agent: workflow-optimizer
section: Workflow Optimization Intelligence
limit: 150
---
# Section

## Workflow Optimization Intelligence

### Process Optimizations Applied
- **[Workflow Name]**: [Optimization] - Time Saved: [X hours/week] - Efficiency: [% improvement]
- **[Workflow Name]**: [Optimization] - Time Saved: [X hours/week] - Efficiency: [% improvement]

### Workflow Insights
- **Bottleneck Patterns**: [Common workflow slowdowns identified]
- **Automation Opportunities**: [Tasks that can be automated]
- **Human-AI Collaboration**: [Effective handoff patterns discovered]

Last updated: [Date]

# Session Summary

**Key Insight**: [What you discovered about this project's workflow inefficiencies and optimization opportunities]
**Pattern**: [Workflow analysis or optimization technique that delivered the best results]
**Recommendation**: [Most important workflow improvement to implement next]
**Collaboration**: [tool-evaluator for workflow tools, test-results-analyzer for process metrics, performance-benchmarker for workflow performance]

"""#),
    ]

    /// The journal templates shipped with `insights` (`Templates/journals/`): file name
    /// without `.md`, and the file's text.
    static let bundledJournalSources: [(name: String, text: String)] = [
        ("decision", #"""
---
journal: decision
section: Decision Log
keep: 50
---
# Entry

### Entry: [Date] - [Title]

**Context:**
[The situation and the forces that call for a decision]

**Decision:**
[What was decided]

**Alternatives:**

- [An option considered, and why it was not chosen]

**Consequences:**

- [What becomes easier or harder because of it]

"""#),
        ("evolution", #"""
---
journal: evolution
section: Evolution Journal
keep: 30
---
# Entry

### Entry: [Date] - [Title]

**Context:**
[What was built or decided this session, and why it mattered]

**Key Learnings:**

1. [A lesson, its point in bold first, then the evidence for it]

2. [Another lesson]

**Pattern Recognition:**
[A pattern seen again across the work, and where]

**World Context:**
[What changed outside the project that matters to it]

**Commitments for Improvement:**

- [Something to do better from now on]

**Questions for Tomorrow:**

- [A question for the next session to pick up]

"""#),
    ]
}
