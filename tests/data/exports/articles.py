"""Article texts for the database-export test files (written for this project; not real articles).

Each entry: key -> (headline, body). Paragraphs are separated by blank lines. The stories are
about Chinese e-government and are invented for testing: names of people are fictional.
"""

ARTICLES: dict[str, tuple[str, str]] = {
    # W1: a Xinhua wire story that several outlets carry word for word.
    "w1_zhejiang": (
        "Zhejiang says most public services now need at most one visit",
        """HANGZHOU -- East China's Zhejiang Province said on Sunday that nearly all of the services its residents ask for most often can now be completed with at most one trip to a government office, and many with none at all.

The provincial office in charge of the reform said that applications for residence permits, business registration and social insurance transfers are handled through a single online portal and a mobile app, which pass documents between departments instead of asking citizens to carry them.

Officials said the next step is to extend the approach to county and township service halls, where staff shortages and older computer systems have slowed progress. They added that an evaluation team will publish a report on waiting times at the end of the year.""",
    ),
    # W2: a second Xinhua wire story carried by several outlets.
    "w2_guideline": (
        "China issues guideline on building a digital government",
        """BEIJING -- China's State Council has released a guideline on building a digital government, setting out targets for online public services, shared data and the security of government systems over the next few years.

The document asks ministries and local governments to connect their service platforms to the national platform, to stop asking citizens for certificates that another department already holds, and to publish lists of the data each agency shares.

It also calls for better protection of personal information held by government bodies, clearer rules on who may use such data, and regular audits. Local governments are told to keep offline counters open for people who cannot use smartphones, the guideline says.""",
    ),
    # W3: a China Daily report reprinted by another outlet.
    "w3_un_survey": (
        "China climbs in United Nations e-government ranking",
        """China has moved up in the latest United Nations e-government survey, which compares how governments use online services to reach citizens, according to a statement from the national information center.

The survey scores countries on online services, telecommunications infrastructure and human capital. China's score on online services rose the most, reflecting the spread of mobile government apps and the national government service platform, the statement said.

Researchers at a Beijing university said the ranking should be read with care because it measures what services exist rather than how often people use them or whether they are satisfied. They called for surveys of users in smaller cities and rural counties.""",
    ),
    "gd_app": (
        "Guangdong app puts more than a thousand services in residents' pockets",
        """GUANGZHOU -- A mobile application launched by the Guangdong provincial government now offers more than a thousand services, from renewing identity cards to checking pension accounts, its operators said.

The app draws on a provincial data platform that lets departments verify a resident's records without asking for paper copies. Officials said the average number of documents an applicant must submit has fallen by about half since the platform was built.

Small business owners interviewed in Foshan said registering a shop had become quicker, but some complained that the app asks for the same information in several places. The provincial government said it would simplify the forms later this year.""",
    ),
    "sh_onenet": (
        "Shanghai pushes one-network services into district halls",
        """SHANGHAI -- Shanghai's one-network government service platform will take on another two hundred procedures this year, the municipal government said on Tuesday, including permits for outdoor advertising and approvals for school canteens.

The city has merged the counters of many district offices into comprehensive windows where one clerk can accept applications for several departments. Applicants can also track the progress of a case online and rate the service they received.

City officials said complaints about slow approvals had fallen since the platform began publishing deadlines for each procedure. A survey of companies in the Pudong New Area found that most respondents now file routine paperwork online.""",
    ),
    "national_platform": (
        "National government service platform goes live for trial operation",
        """BEIJING, May 31, 2019 -- China's national government service platform began trial operation on Monday, linking the online service systems of provincial governments and more than forty State Council departments.

Users can log in once and reach services offered by other provinces, such as checking social insurance records or applying for a copy of a driving licence, without registering again. The platform also collects ratings from users and forwards complaints to the agencies responsible.

The General Office of the State Council said the aim is for most services to be available online by the end of next year. Experts noted that the systems of many county governments still cannot exchange data with the national platform.""",
    ),
    "guiyang_cloud": (
        "Guizhou moves government data onto a shared cloud",
        """GUIYANG -- Guizhou province has moved the information systems of most of its government departments onto a shared government cloud, provincial officials said, ending the practice of each bureau running its own servers.

The move was meant to save money and to make it easier for departments to share data. A provincial data bureau now decides which data sets can be shared with other agencies and which can be published for researchers and companies.

Technology firms in Guiyang said open data on traffic and weather had helped them build new services. Critics said the rules on how personal information in the cloud is protected remain vague and should be published in full.""",
    ),
    "hz_citybrain": (
        "Hangzhou's city brain expands from traffic to public services",
        """HANGZHOU -- Hangzhou's city brain, a data platform first used to time traffic lights, is being extended to parking, hospital appointments and elderly care, the city's data resources bureau said.

Drivers can now pay for parking in public car parks after they leave rather than queueing at a gate, and patients at some hospitals pay once after treatment instead of at every step. Officials said these services rely on the same shared data that the traffic system uses.

Urban planners said the platform has made the city easier to manage but warned that its success depends on careful rules about what data is collected about residents and how long it is kept.""",
    ),
    "elderly_divide": (
        "Older residents left behind as services move online, survey finds",
        """A survey of residents over sixty in three Chinese cities found that many struggle to use government service apps, even as more procedures move online and some offline counters close.

Respondents said the apps ask for passwords, facial scans and verification codes that they find hard to manage without help from their children. Nearly a third said they had given up on an online application at least once and gone to a service hall instead.

The authors recommend that local governments keep staffed counters, print simple guides and train volunteers in neighbourhood committees. Several cities have already added large-font versions of their apps and telephone assistance for older users.""",
    ),
    "data_security": (
        "New rules tighten handling of personal data in government apps",
        """BEIJING -- Government departments that run mobile apps must collect only the personal information needed for a service and must tell users why it is collected, according to new rules published by the national cyberspace regulator.

The rules require agencies to record who accesses personal data, to keep it on servers inside China and to delete it when it is no longer needed. Departments that share data with other agencies must sign agreements that limit how it can be used.

Legal scholars welcomed the rules but said enforcement would be difficult because the same departments that hold the data are responsible for checking their own compliance. They suggested independent audits and public reports.""",
    ),
    "rural_points": (
        "Village service points bring online government to rural counties",
        """CHENGDU -- Sichuan province has opened service points in thousands of villages where residents can apply for subsidies, pension payments and medical insurance with help from a trained assistant, provincial officials said.

Each point has a computer linked to the provincial government service platform and a clerk who scans documents and submits applications. Farmers who once travelled to the county seat for a stamp can now finish many procedures in their own village.

County officials said the main difficulty is keeping assistants in post, since the role is part time and poorly paid. Some counties have combined the job with that of the village postal agent to make it more attractive.""",
    ),
    "health_code": (
        "Health code apps show the reach and the limits of digital government",
        """During the COVID-19 epidemic, provincial governments built health code apps in a matter of weeks, drawing on travel, telecommunications and medical records to assign residents a colour that decided whether they could enter offices, shops and trains.

Researchers said the speed with which the codes were built showed how far data sharing between departments had come since the government services reforms began. The codes were later linked across provinces so that travellers did not need a separate code in each place.

The same researchers said the codes also raised questions about how data collected in an emergency should be stored and deleted once the emergency ends, and who decides when that happens.""",
    ),
    "tax_online": (
        "Electronic tax filing becomes the norm for small firms",
        """BEIJING -- Most small and medium-sized companies in China now file their taxes online, the State Taxation Administration said, after years of promoting electronic invoices and mobile tax services.

Firms can apply for invoices, declare value-added tax and check their credit ratings through one website, and individual taxpayers use a mobile app to claim deductions for education, housing and the care of elderly parents.

Accountants said the system has cut the time needed for routine filing, but small firms in remote areas still depend on tax service halls when the online system fails or rejects a form without a clear explanation.""",
    ),
    "biz_licence": (
        "Electronic business licences accepted nationwide",
        """BEIJING -- Electronic business licences issued in any Chinese province can now be used across the country, the market regulator said, letting companies prove their registration on a phone instead of carrying a paper certificate.

The electronic licence is stored in a mobile app and can be checked by banks, tax offices and other departments through a national verification service. Officials said it has already been used to open bank accounts and to bid for government contracts.

Business associations welcomed the change but asked for the licence to be accepted by more private companies, such as landlords and platform operators, which still often demand paper copies with an official seal.""",
    ),
    "internet_court": (
        "Hangzhou internet court hears cases entirely online",
        """HANGZHOU -- The Hangzhou Internet Court, the first of its kind in China, handles disputes over online shopping, domain names and online loans without requiring the parties to appear in a courtroom.

Plaintiffs file their cases on a website, evidence is uploaded and checked electronically, and hearings take place by video. Court officials said the average case is closed in about a month, much faster than in ordinary courts.

Legal experts said the court shows how judicial services can follow other government services online, but cautioned that parties without lawyers may find it hard to present evidence in the required electronic form.""",
    ),
    "sz_instant": (
        "Shenzhen approves some applications in seconds with automated checks",
        """SHENZHEN -- Shenzhen now approves some routine applications automatically within seconds, such as subsidies for university graduates who settle in the city, by checking the applicant's records against government databases.

The city's government services data bureau said that more than two hundred procedures have been redesigned so that software compares the information in an application with data held by other departments and issues a decision without a clerk.

Applicants whose cases do not pass the automatic checks are sent to a human officer. Lawyers said citizens should be told when a decision was made by software and how to appeal against it.""",
    ),
    "bj_hotline": (
        "Beijing's 12345 hotline answers complaints within hours",
        """BEIJING -- Beijing's 12345 citizen hotline has become the main channel for residents to complain about noise, broken street lights and unpaid wages, the municipal government said, handling millions of calls and online messages a year.

Each complaint is passed to the street office or department responsible, which must respond within a fixed time. The city publishes monthly rankings of how quickly and how well each district resolves complaints.

Officials said the hotline data also shows which problems recur, helping the city plan repairs. Residents interviewed said responses were faster than before, though some complaints were closed without the problem being fixed.""",
    ),
    "wuhan_mini": (
        "Wuhan moves services onto a messaging app mini program",
        """WUHAN -- Wuhan residents can now apply for housing subsidies, book marriage registration and check their children's school places through a mini program inside a popular messaging app, the city government said.

Officials said the mini program was chosen because most residents already use the messaging app every day and do not want to install a separate government application. Identity is checked with a facial scan linked to the public security database.

Privacy researchers said that running public services inside a private company's app raises questions about which data the company can see, and called on the city to publish its agreement with the platform.""",
    ),
    "cross_province": (
        "Residents can now handle more procedures across provincial borders",
        """BEIJING -- Migrant workers and retirees who live away from their home province can now complete more procedures where they live, the State Council said, including transferring pension accounts and settling medical bills.

The policy, known as cross-provincial handling, relies on provinces recognising each other's electronic records and on a national system that forwards applications between service halls. Officials said well over a hundred procedures are covered.

Labour researchers said the change matters for hundreds of millions of people who have moved for work. They noted that differences between provincial rules still force some applicants to return home to obtain stamps.""",
    ),
    "open_data": (
        "Local open data portals grow but remain uneven",
        """A study of local government open data portals in China found that the number of portals and data sets has grown quickly, but that quality varies widely between provinces and cities.

The portals publish data on transport, environment, business registration and public finance. The researchers found that many data sets are small, out of date or offered only as documents that cannot easily be analysed.

The study ranks coastal cities such as Shanghai and Shenzhen highest. The authors recommend common standards for formats and update schedules and say that portals should record how often each data set is downloaded.""",
    ),
    "e_invoice": (
        "Electronic invoices cut paperwork for companies",
        """BEIJING -- Companies in China issued billions of electronic invoices last year, tax officials said, as paper invoices printed on special forms are phased out.

An electronic invoice is created on the tax authority's platform and sent to the buyer by email or through an app, where it can be checked for authenticity. Firms no longer need to buy invoice paper or keep printed copies in storage rooms.

Finance managers said the change reduces the risk of fake invoices, which had been a serious problem. Some small shops, however, still lack the equipment or skills to issue electronic invoices and rely on tax agents.""",
    ),
    "single_window": (
        "Single window speeds up customs clearance at ports",
        """SHANGHAI -- The international trade single window, an online platform that lets traders submit customs, inspection and port documents in one place, now covers nearly all of China's import and export declarations, officials said.

Before the platform, importers submitted similar information separately to several agencies. Now the data is entered once and shared, and traders can follow the status of each shipment online.

Logistics companies in Shanghai and Ningbo said clearance times have fallen sharply. Trade experts said the next challenge is to connect the platform with the systems of other countries so documents can be exchanged across borders.""",
    ),
    "blockchain_certs": (
        "Foshan tests blockchain records for certificates",
        """FOSHAN -- The Chancheng district of Foshan is testing a blockchain-based system to store certificates such as proof of residence and business permits, so that other departments can verify them without asking the applicant for copies.

District officials said the system records who issued each certificate and when, and that records cannot be changed without leaving a trace. Residents applying for school places and housing subsidies were the first to use it.

Computer scientists said the technology is less important than the agreement between departments to accept each other's records, which could also be achieved with an ordinary shared database.""",
    ),
    "smart_village": (
        "Digital village programme links farmers to county offices",
        """Under a national digital village programme, counties across China are installing broadband, village information screens and apps that let farmers report problems and receive notices from county offices.

In one county in Zhejiang, villagers use an app to report damaged roads, apply for building permits and vote on village projects. Officials said responses that once took weeks now take days.

Rural sociologists said the programmes vary greatly in quality and that some villages have screens that are rarely switched on. They recommend judging the programmes by what residents use rather than by how much equipment is installed.""",
    ),
    "school_enrol": (
        "Parents apply for school places online as cities end queues",
        """Several Chinese cities have moved primary school enrolment online, ending the long queues that parents once formed outside schools to submit household registration and housing documents.

Parents now submit applications through a city platform, which checks household registration, property records and social insurance payments with the departments that hold them. Results are published online and parents are notified by text message.

Education officials said the change has made enrolment fairer because the rules are applied the same way to everyone. Some parents said they found the rules hard to understand and asked for a telephone service to answer questions.""",
    ),
    "hukou_online": (
        "Household registration transfers go online in several provinces",
        """Residents moving between several provinces can now apply online to transfer their household registration, police authorities said, instead of travelling back and forth between two police stations.

Applicants upload their documents to a police service platform, and the two stations exchange the files electronically. Officials said the process now takes about a week and most applicants need to visit only once, to collect a new registration booklet.

Demographers said easier transfers could help migrant families obtain local services such as schooling, but noted that large cities still limit who can register through their own points systems.""",
    ),
    "pension_face": (
        "Retirees confirm pension eligibility with facial recognition",
        """Retirees in many Chinese cities no longer need to visit an office each year to prove they are alive and entitled to a pension, local social security bureaus said, because they can confirm it with a facial scan on a phone.

The check compares a short video with the photo held in the national identity database. Retirees who live abroad or who cannot use a smartphone can ask a relative or a community worker for help, or still go to an office.

Older users said the system saves a trip, though some found the scan failed repeatedly in poor light. Bureaus said they are improving the software and adding more help lines.""",
    ),
    "accessible_sites": (
        "Government websites told to improve access for disabled users",
        """Government websites and apps must be usable by people with visual and hearing impairments, according to a notice from the information technology ministry, which sets a deadline for hundreds of sites to be adapted.

The notice asks for screen reader support, captions for videos and simpler page layouts. Disability associations took part in testing and reported that many sites could not be navigated without a mouse.

Advocates welcomed the notice but said earlier guidelines had been ignored. They called for regular public testing results so that users can see which departments have made their services accessible.""",
    ),
    "e_procurement": (
        "Public procurement moves to electronic bidding platforms",
        """Most public procurement in China is now conducted through electronic bidding platforms, the finance ministry said, which publish tenders, receive bids and announce results online.

Officials said electronic bidding reduces the chance of collusion because bids are sealed and opened automatically, and all steps are recorded. Suppliers can also register once and bid in several provinces.

Anti-corruption researchers said the platforms have improved transparency, but that some tenders are still written so narrowly that only one supplier can meet the conditions. They recommend publishing the full evaluation of each bid.""",
    ),
    "env_permits": (
        "Pollution permits can now be applied for online",
        """BEIJING -- Companies that discharge pollutants can now apply for and renew their pollutant discharge permits online, the environment ministry said, as part of a national permit system that covers most industrial sectors.

The online system records each permit's limits and requires companies to report their emissions regularly. Local environmental bureaus can compare reports with data from automatic monitoring stations and follow up on discrepancies.

Environmental lawyers said public access to permit data helps citizens check whether nearby factories keep to their limits. They said the data should be easier to download and compare over time.""",
    ),
    "housing_fund": (
        "Housing provident fund services move to mobile apps",
        """Employees in most Chinese cities can now check their housing provident fund balances, apply for withdrawals and request loans on their phones, according to the housing ministry.

The fund, to which employers and employees contribute, is used to help buy or rent homes. Officials said the online service has cut waiting times at fund centres and that transfers between cities can now be arranged without visiting both offices.

Young workers interviewed in Chengdu said the apps were convenient, though several said the rules for withdrawing money to pay rent differ between cities and are not always explained clearly.""",
    ),
    "marriage_reg": (
        "Couples book marriage registration appointments online",
        """Couples in many Chinese cities can now book an appointment for marriage registration online and, in some provinces, register without returning to the place where their household is registered, civil affairs officials said.

The pilot programme allows couples to register where they live and work, which matters for the many people who have moved away from their home towns. Documents are checked against the household registration database before the appointment.

Officials said the number of registrations made away from home has grown steadily. Couples said the online booking saved time, especially on popular dates when offices are crowded.""",
    ),
    "ss_card": (
        "Electronic social security cards reach hundreds of millions of users",
        """The electronic social security card, a digital version of the card used for pensions and medical insurance, has been issued to hundreds of millions of people, the human resources ministry said.

Cardholders can use it to pay for medical treatment, check insurance contributions and apply for unemployment benefits. The card can be opened in many apps, including banking apps and city service apps, after identity checks.

Officials said the card makes it easier to use benefits in another city. Some hospitals, however, still do not accept it, and patients said they were sometimes asked for the physical card anyway.""",
    ),
    "hainan_ftp": (
        "Hainan builds online services for its free trade port",
        """HAIKOU -- Hainan province has launched an online service platform for investors in its free trade port, allowing foreign companies to register, apply for work permits and declare taxes through one website in several languages.

Provincial officials said the platform is meant to make Hainan competitive with other regional business centres. Applications are handled by a single office that coordinates with other departments behind the scenes.

Foreign business groups said registration had become quicker, but that information on some procedures is still available only in Chinese and that rules change often.""",
    ),
    "cq_cloud": (
        "Chongqing links district systems to a municipal data platform",
        """CHONGQING -- Chongqing has linked the information systems of its districts and counties to a municipal big data platform, officials said, so that departments can share records on residents, companies and land.

The city said the platform has allowed it to cut the number of documents required for common procedures and to offer services such as starting a business in a single day. A new data management bureau oversees the platform.

Researchers said the municipality's mountainous rural counties still have weaker networks and fewer trained staff, and that services there lag behind the urban districts.""",
    ),
    "chengdu_tianfu": (
        "Chengdu offers services through a city app named after its region",
        """CHENGDU -- Chengdu's city service app, named after the region's historical name, now brings together services from dozens of municipal departments, including water and electricity bills, hospital bookings and business registration, the city said.

On March 3, 2017, when the city first announced the project, officials said only a handful of services would be available. The app now has millions of registered users, according to the municipal government.

Residents said the app is useful for paying bills but that many procedures still end with an instruction to visit an office. The city said it will publish a list of procedures that can be completed entirely online.""",
    ),
    "xiongan": (
        "Xiongan plans a digital twin of the new city",
        """XIONGAN -- Planners of the Xiongan New Area, a city being built south-west of Beijing, are creating a digital model of the city that records buildings, pipes and roads as they are built, officials said.

The model is meant to help the city government manage maintenance, traffic and emergency response, and to provide public services online from the start rather than adding them later.

Urban researchers said the project is ambitious and costly. They said its usefulness will depend on whether the data is kept up to date after construction ends and whether residents can see what data is collected about them.""",
    ),
    "gov_accounts": (
        "Government departments run thousands of social media accounts",
        """Government departments across China operate tens of thousands of accounts on microblogs and messaging apps, publishing notices, answering questions and offering links to online services, a study found.

The researchers said the accounts have become an important channel for announcements during emergencies such as floods, when residents look for information on their phones.

The study also found that many accounts post rarely or repeat official documents without explanation. The authors recommend that departments measure how often their posts are read and answered rather than how many accounts they open.""",
    ),
    "digital_skills": (
        "Civil servants trained in data skills for digital government",
        """Provincial governments are training civil servants in data analysis and digital service design, as the shift to online government requires skills that many officials lack, according to a report from a public administration academy.

The courses cover data protection rules, basic statistics and how to design forms that citizens can complete without help. Some provinces require officials in service halls to pass a test.

The report said many departments still depend on outside contractors for their systems and cannot judge the quality of the work. It recommends hiring more technical staff directly.""",
    ),
    "e_archives": (
        "Electronic archives replace paper files in government offices",
        """Government offices in China are moving to electronic archives, storing applications, approvals and certificates as digital files with the same legal force as paper, according to the national archives administration.

Officials said electronic archiving is needed if procedures are to be completed online from start to finish, since many departments previously printed online applications to file them on paper.

Archivists said long-term preservation of digital records is a serious challenge because file formats and storage systems change. They called for common standards and regular checks that archived files can still be opened.""",
    ),
    "flood_alerts": (
        "Flood alerts reach residents' phones through government platforms",
        """Local governments in southern China send flood and typhoon warnings directly to residents' phones through government service apps and text messages, emergency management officials said.

The warnings are based on data from weather stations and river monitors and are targeted at the areas at risk. Residents can also use the apps to find shelters and report people who need help.

Emergency managers said the system reaches more people than loudspeakers and television, but that older residents in rural areas still rely on village officials knocking on doors.""",
    ),
    "gov_ratings": (
        "Citizens rate government services online after each visit",
        """Citizens who use government services in China can now rate each service online, with ratings collected by the national platform and passed to the departments responsible, officials said.

Services rated as poor must be reviewed and the applicant contacted. Officials said the ratings have helped find procedures where staff asked for unnecessary documents or missed deadlines.

Public administration researchers said ratings are useful but can be skewed, since satisfied users rarely leave feedback and staff may ask applicants to give good ratings. They recommend independent surveys as well.""",
    ),
    "medical_insurance": (
        "Medical insurance settlement goes online across provinces",
        """Patients treated in hospitals outside their home province can now have their medical bills settled directly by their insurance fund in many cases, the national healthcare security administration said.

Patients register online before travelling or after being admitted, and the hospital settles the bill through a national system. Previously, patients paid in full and later claimed refunds at home, which could take months.

Officials said the number of hospitals connected to the system has grown quickly. Patient groups said the registration steps still confuse many people and should be simpler.""",
    ),
    "gov_chatbots": (
        "Service halls add chatbots to answer routine questions",
        """Government service halls in several Chinese cities have introduced chatbots on their websites and apps to answer routine questions about documents, opening hours and fees, local officials said.

The chatbots are trained on the guides for each procedure and can pass difficult questions to a human officer. Officials said they answer most questions correctly and have reduced the number of calls to service hotlines.

Users said the chatbots are helpful for simple questions but often fail when a case does not fit the standard rules. Researchers recommend that departments publish how often the chatbots give wrong answers.""",
    ),
    "property_reg": (
        "Property registration shortened to a few days",
        """Buyers of homes in many Chinese cities can now register their property within a few working days, and in some cases on the same day, after land, tax and housing departments began sharing data, the natural resources ministry said.

Applicants submit one set of documents online or at a single window, and the departments check taxes, contracts and ownership records together. Registration once took a month or more and required several visits.

Lawyers said the faster process reduces the risk of disputes during the waiting period, but that the quality of older land records in some counties still causes delays.""",
    ),
    "startup_day": (
        "Starting a business takes a day in leading cities",
        """Entrepreneurs in leading Chinese cities can register a company, obtain an official seal, open a bank account and register for tax within a single working day, according to a report by a business research institute.

The report credits online registration, electronic business licences and the sharing of data between market regulators, police and banks. In some cities applicants can finish all steps without visiting an office.

The institute said smaller cities still take several days and that the speed of registration matters less to entrepreneurs than predictable inspections and fair access to credit.""",
    ),
    # Chinese-language articles (LANGUAGE: CHINESE / LA Chinese).
    "zh_guangdong": (
        "广东数字政府改革让群众少跑腿",
        """广州电 广东省近日公布数字政府改革建设情况，全省政务服务事项大部分已经可以在网上办理，群众办事需要提交的材料明显减少。

省政务服务数据管理部门介绍，省里建设了统一的政务云平台和数据共享平台，各部门之间可以直接核验证照信息，不再要求群众反复提交复印件。手机应用上线以来，注册用户持续增长，社保查询、出入境预约和车辆业务等服务最受欢迎。

一些基层干部表示，县镇两级的系统对接和人员培训仍需加强。专家建议，在推进网上办理的同时，保留线下窗口，方便老年人和不熟悉智能手机的群众办事。""",
    ),
    "zh_shanghai": (
        "上海一网通办服务持续扩容",
        """上海电 上海市政府表示，一网通办平台今年将新增一批高频服务事项，企业和市民可以通过一个入口办理多个部门的业务，并在网上查询办理进度。

各区政务服务中心推行综合窗口，一名工作人员可以受理多个部门的事项。市民办事后可以对服务进行评价，差评需要由相关部门回访整改。

有关负责人介绍，平台公开了每个事项的办理时限，企业对审批慢的投诉明显减少。研究人员认为，下一步应当加强数据安全管理，明确个人信息的使用范围和保存期限。""",
    ),
    "zh_zhejiang": (
        "浙江最多跑一次改革向基层延伸",
        """杭州电 浙江省推进最多跑一次改革已有数年，省里常用的政务服务事项基本实现一次办成，很多事项可以在网上或手机上办理，不必到窗口排队。

改革的重点正在向县乡两级延伸。一些乡镇便民服务中心配备了自助终端，村里的代办员可以帮助老人提交材料。省有关部门表示，将组织第三方评估，公布各地办事等候时间。

基层工作人员反映，部分老旧系统之间数据不通，仍然需要群众补交材料。专家认为，改革成效应当以群众的实际感受来衡量。""",
    ),
}
